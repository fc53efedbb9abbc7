package dev.hato.sms.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: clients pass them back untouched, so their format can change. */
public final class Cursor {

    private static final String PREFIX = "v1:";

    private Cursor() {}

    public static String encode(long lastId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id to continue below, or {@link Long#MAX_VALUE} for the first page. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the field error
        }
        throw ApiProblem.invalidField("cursor", "is not a cursor this service issued");
    }

    public static int limit(Integer requested, int fallback, int max) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > max) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + max);
        }
        return requested;
    }
}
