package dev.hato.sms.template;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SmsTextPropertyTest {

    private static final String GSM_BASIC = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€";

    @Property
    void gsmSegmentsNeverUndercount(@ForAll("gsm") String text) {
        SmsText counted = SmsText.of(text);

        assertThat(counted.encoding()).isEqualTo(SmsText.Encoding.GSM_7);
        assertThat(counted.length()).isEqualTo(septets(text));
        assertThat(counted.segments()).isGreaterThanOrEqualTo(minimumParts(counted.length(), 160, 153));
        assertThat(counted.segments() * (counted.segments() == 1 ? 160 : 153)).isGreaterThanOrEqualTo(counted.length());
    }

    @Property
    void ucs2SegmentsNeverUndercount(@ForAll("ucs2") String text) {
        SmsText counted = SmsText.of(text);

        assertThat(counted.encoding()).isEqualTo(SmsText.Encoding.UCS_2);
        assertThat(counted.length()).isEqualTo(text.length());
        assertThat(counted.segments()).isGreaterThanOrEqualTo(minimumParts(counted.length(), 70, 67));
        assertThat(counted.segments() * (counted.segments() == 1 ? 70 : 67)).isGreaterThanOrEqualTo(counted.length());
    }

    @Property
    void oneNonGsmCharacterMakesTheWholeTextUcs2(@ForAll("gsm") String text, @ForAll("ucs2") String other) {
        assertThat(SmsText.of(text + other.charAt(0) + text).encoding()).isEqualTo(SmsText.Encoding.UCS_2);
    }

    @Example
    void boundaries() {
        assertThat(SmsText.of("a".repeat(160)).segments()).isEqualTo(1);
        assertThat(SmsText.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsText.of("あ".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsText.of("あ".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsText.of("あ".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsText.of("あ".repeat(135)).segments()).isEqualTo(3);
    }

    @Example
    void extensionCharactersCountTwoSeptets() {
        assertThat(SmsText.of("€".repeat(80))).isEqualTo(new SmsText(SmsText.Encoding.GSM_7, 160, 1));
        assertThat(SmsText.of("€".repeat(81))).isEqualTo(new SmsText(SmsText.Encoding.GSM_7, 162, 2));
        // 152 plain septets then an escape pair: the pair may not straddle parts 1 and 2.
        assertThat(SmsText.of("a".repeat(152) + "€" + "a".repeat(152)).segments())
                .isEqualTo(3);
    }

    @Example
    void emojiAreSurrogatePairs() {
        assertThat(SmsText.of("😀".repeat(35))).isEqualTo(new SmsText(SmsText.Encoding.UCS_2, 70, 1));
        assertThat(SmsText.of("😀".repeat(36))).isEqualTo(new SmsText(SmsText.Encoding.UCS_2, 72, 2));
    }

    @Provide
    Arbitrary<String> gsm() {
        return Arbitraries.strings()
                .withChars((GSM_BASIC + GSM_EXTENSION).toCharArray())
                .ofMinLength(1)
                .ofMaxLength(700);
    }

    @Provide
    Arbitrary<String> ucs2() {
        Arbitrary<String> japanese =
                Arbitraries.strings().withCharRange('ぁ', 'ん').ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> emoji = Arbitraries.of("😀", "🎉", "👍🏽", "🇯🇵");
        Arbitrary<String> latin =
                Arbitraries.strings().withChars(GSM_BASIC.toCharArray()).ofMaxLength(5);
        return Arbitraries.oneOf(japanese, emoji, japanese.flatMap(j -> latin.map(l -> j + l)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(150)
                .map(parts -> String.join("", parts));
    }

    private static int septets(String text) {
        return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    private static int minimumParts(int length, int single, int perPart) {
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }
}
