package dev.hato.sms.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.web.ApiProblem;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class PhoneNumbersPropertyTest {

    private final PhoneNumbers phoneNumbers = new PhoneNumbers(new CustomerProperties("JP"), java.util.List.of("JP"));

    @Property
    void everyWayOfWritingAJapaneseMobileGivesTheSameE164(
            @ForAll @IntRange(min = 7, max = 9) int prefix,
            @ForAll @IntRange(min = 10_000_000, max = 99_999_999) int rest) {
        String national = "0" + prefix + "0" + rest;
        String expected = "+81" + prefix + "0" + rest;

        assertThat(phoneNumbers.toE164("p", national)).isEqualTo(expected);
        assertThat(phoneNumbers.toE164(
                        "p", national.substring(0, 3) + "-" + national.substring(3, 7) + "-" + national.substring(7)))
                .isEqualTo(expected);
        assertThat(phoneNumbers.toE164("p", expected)).isEqualTo(expected);
    }

    @Property
    void garbageNeverThrowsAnythingButAFieldError(@ForAll @StringLength(max = 40) String input) {
        try {
            String e164 = phoneNumbers.toE164("phone_number", input);
            assertThat(e164).startsWith("+");
        } catch (ApiProblem problem) {
            assertThat(problem.fieldErrors()).containsKey("phone_number");
        }
    }

    @Example
    void explainsWhyANumberCannotReceiveSms() {
        assertThat(phoneNumbers.rejection("03-1234-5678")).contains("landline");
        assertThat(phoneNumbers.rejection("050-1234-5678")).contains("IP phone");
        assertThat(phoneNumbers.rejection("090-12")).contains("too short");
        assertThat(phoneNumbers.rejection("0120-123-456")).contains("toll-free");
        assertThat(phoneNumbers.rejection("+1 800 234 5678")).contains("toll-free");
        assertThat(phoneNumbers.rejection("+447911123456")).endsWith("; SMS may only go to numbers in JP");
        assertThat(new PhoneNumbers(new CustomerProperties("JP"), java.util.List.of("JP", "GB", "GG"))
                        .rejection("+447911123456"))
                .isNull();
        assertThatThrownBy(() -> phoneNumbers.toE164("phone_number", "")).isInstanceOf(ApiProblem.class);
    }
}
