package dev.hato.sms.template;

/**
 * Counts a message the way carriers bill it. GSM-7 text takes 160 septets in a single SMS and 153
 * per part of a long one, extension-table characters taking two septets; anything else is UCS-2
 * with 70 / 67 UTF-16 units. Parts are packed greedily without splitting an escape sequence or a
 * surrogate pair, as handsets do, so the count can exceed a plain division but never undercounts.
 */
public record SmsText(Encoding encoding, int length, int segments) {

    public enum Encoding {
        GSM_7("GSM-7", 160, 153),
        UCS_2("UCS-2", 70, 67);

        private final String label;
        final int single;
        final int perPart;

        Encoding(String label, int single, int perPart) {
            this.label = label;
            this.single = single;
            this.perPart = perPart;
        }

        public String label() {
            return label;
        }
    }

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    public static SmsText of(String text) {
        boolean gsm = text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
        Encoding encoding = gsm ? Encoding.GSM_7 : Encoding.UCS_2;
        int length = 0;
        int segments = 1;
        int inPart = 0;
        for (int i = 0; i < text.length(); ) {
            int cost;
            if (gsm) {
                cost = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
                i++;
            } else {
                cost = Character.charCount(text.codePointAt(i));
                i += cost;
            }
            length += cost;
            if (inPart + cost > encoding.perPart) {
                segments++;
                inPart = 0;
            }
            inPart += cost;
        }
        return new SmsText(encoding, length, length <= encoding.single ? 1 : segments);
    }
}
