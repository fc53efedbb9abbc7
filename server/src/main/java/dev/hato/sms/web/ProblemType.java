package dev.hato.sms.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * One problem {@code type} of the API (urn:sms:problem:{slug}) with its status, title and when it
 * happens. Each module declares its own in one class ({@link ProblemTypes}); throw sites only add the
 * detail of the case at hand.
 */
public record ProblemType(String slug, HttpStatus status, String title, String when) {

    /** The exception a service throws; the advice answers it as problem JSON. */
    public ApiProblem exception(String detail) {
        return new ApiProblem(status, slug, title, detail);
    }

    public ApiProblem exception(String detail, Map<String, List<String>> fieldErrors) {
        return new ApiProblem(status, slug, title, detail, fieldErrors);
    }

    /** 429 or 503 with Retry-After of {@code wait}; "{seconds}" in the detail becomes the whole seconds. */
    public ApiProblem retryAfter(String detail, Duration wait) {
        return ApiProblem.retryLater(status, slug, title, detail, wait);
    }

    /** The problem JSON itself, for answers written outside Spring MVC (filters, the error page). */
    public ProblemDetail detail(String detail) {
        return ProblemWriter.problem(status, slug, title, detail);
    }
}
