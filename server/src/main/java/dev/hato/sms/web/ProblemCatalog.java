package dev.hato.sms.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Every problem {@code type} the API answers with, its status and when it happens: the list of
 * docs/api.md, used to document each operation's errors in the OpenAPI document.
 */
public final class ProblemCatalog {

    public record Entry(HttpStatus status, String when) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("validation-failed", HttpStatus.BAD_REQUEST, "a field is missing or invalid (see `errors`)");
        add("malformed-request", HttpStatus.BAD_REQUEST, "the body is not JSON, or the request is not well formed");
        add("not-authenticated", HttpStatus.UNAUTHORIZED, "no session, or it expired or was revoked");
        add("session-expired", HttpStatus.UNAUTHORIZED, "the session expired (idle or absolute lifetime)");
        add(
                "session-revoked",
                HttpStatus.UNAUTHORIZED,
                "the session ended: the user's password or permissions changed");
        add("invalid-credentials", HttpStatus.UNAUTHORIZED, "login failed");
        add("forbidden", HttpStatus.FORBIDDEN, "the user may not use this endpoint");
        add("csrf-token-missing", HttpStatus.FORBIDDEN, "no X-CSRFToken header on an unsafe request");
        add("csrf-token-invalid", HttpStatus.FORBIDDEN, "X-CSRFToken is not this session's token");
        add("csrf-origin", HttpStatus.FORBIDDEN, "Origin is not trusted");
        add("csrf-referer", HttpStatus.FORBIDDEN, "Referer is not trusted");
        add("not-found", HttpStatus.NOT_FOUND, "unknown id");
        add("template-name-taken", HttpStatus.CONFLICT, "the customer already has a template of that name");
        add("token-unknown", HttpStatus.BAD_REQUEST, "the token was never issued");
        add("token-expired", HttpStatus.BAD_REQUEST, "the token expired");
        add("token-customer-mismatch", HttpStatus.BAD_REQUEST, "the token was issued for another customer");
        add("token-used", HttpStatus.CONFLICT, "the token was used already");
        add("template-not-found", HttpStatus.BAD_REQUEST, "the customer has no such template");
        add("phone-number-mismatch", HttpStatus.BAD_REQUEST, "phone_number is not the customer's");
        add("customer-opted-out", HttpStatus.CONFLICT, "the customer opted out");
        add("missing-variable", HttpStatus.BAD_REQUEST, "a placeholder has no value");
        add("body-too-long", HttpStatus.BAD_REQUEST, "the rendered message exceeds the limit");
        add("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "same Idempotency-Key, different request");
        add("send-rate-limited", HttpStatus.TOO_MANY_REQUESTS, "sms.limits.per-user-per-minute reached (Retry-After)");
        add(
                "destination-rate-limited",
                HttpStatus.TOO_MANY_REQUESTS,
                "sms.limits.per-destination-per-hour reached (Retry-After)");
        add("daily-segment-limit", HttpStatus.TOO_MANY_REQUESTS, "sms.limits.daily-segments reached (Retry-After)");
        add("request-too-large", HttpStatus.CONTENT_TOO_LARGE, "the body is larger than sms.web.max-request-body");
        add("service-busy", HttpStatus.SERVICE_UNAVAILABLE, "every database connection stayed busy (Retry-After)");
        add("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "PostgreSQL cannot be reached (Retry-After)");
        add("login-throttled", HttpStatus.TOO_MANY_REQUESTS, "too many failed logins (Retry-After)");
        add("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "a bug; logged with its request id");
    }

    private ProblemCatalog() {}

    private static void add(String slug, HttpStatus status, String when) {
        ENTRIES.put(slug, new Entry(status, when));
    }

    public static Map<String, Entry> entries() {
        return Map.copyOf(ENTRIES);
    }

    public static Entry get(String slug) {
        Entry entry = ENTRIES.get(slug);
        if (entry == null) {
            throw new IllegalArgumentException("not a problem type of the catalogue: " + slug);
        }
        return entry;
    }
}
