package dev.hato.sms.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A client error with a stable problem type. Services throw it, made by their module's {@link
 * ProblemType} ({@code TokenProblems.USED.exception(detail)}); the advice turns it into RFC 9457 problem
 * JSON. No stack trace is ever filled in: these are expected outcomes, not bugs.
 */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "urn:sms:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, List<String>> fieldErrors;

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ApiProblem(
            HttpStatus status, String slug, String title, String detail, Map<String, List<String>> fieldErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.fieldErrors = fieldErrors;
    }

    public static ApiProblem notFound(String what, Object id) {
        return WebProblems.NOT_FOUND.exception(what + " " + id + " does not exist");
    }

    public static ApiProblem invalidField(String field, String message) {
        return WebProblems.VALIDATION_FAILED.exception(field + ": " + message, Map.of(field, List.of(message)));
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** 429 or 503 with a Retry-After header of the given wait, rounded up to whole seconds (at least 1). */
    public static ApiProblem retryLater(HttpStatus status, String slug, String title, String detail, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiProblem(status, slug, title, detail.replace("{seconds}", Long.toString(seconds))) {
            @Override
            public Map<String, String> headers() {
                return Map.of("Retry-After", Long.toString(seconds));
            }
        };
    }

    /** Extra response headers, such as Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
