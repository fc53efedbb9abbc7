package dev.hato.sms.web;

import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The problems raised outside controllers: by filters, by the error page, by Tomcat itself. */
public final class Problems {

    /** Seconds a client should wait before retrying while the database is unreachable. */
    public static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** A problem to answer with, and how many seconds a client should wait before retrying (0: no header). */
    public record Answer(ProblemDetail problem, int retryAfterSeconds) {

        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (retryAfterSeconds > 0) {
                headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
            }
            return headers;
        }
    }

    private Problems() {}

    /**
     * The client-facing answer for a failure that is not a bug, wherever it surfaced (controller, filter,
     * error page, Tomcat): an over-large body, a broken query string, a busy pool, an unreachable
     * database. Empty for anything else, which is a 500.
     */
    public static Optional<Answer> forFailure(Throwable error) {
        if (Failures.has(error, RequestGuardFilter.BodyTooLarge.class)) {
            return Optional.of(new Answer(requestTooLarge(), 0));
        }
        if (Failures.isMalformedQuery(error)) {
            return Optional.of(new Answer(malformedQuery(), 0));
        }
        if (Failures.isPoolExhausted(error)) {
            return Optional.of(new Answer(busy(), BUSY_RETRY_AFTER_SECONDS));
        }
        if (Failures.isDatabaseUnavailable(error)) {
            return Optional.of(new Answer(databaseUnavailable(), DATABASE_RETRY_AFTER_SECONDS));
        }
        return Optional.empty();
    }

    public static ProblemDetail databaseUnavailable() {
        return ProblemWriter.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Database unavailable",
                "The database cannot be reached right now; nothing was changed. Retry after "
                        + DATABASE_RETRY_AFTER_SECONDS + " s.");
    }

    /** Seconds a client should wait before retrying while the service sheds load. */
    public static final int BUSY_RETRY_AFTER_SECONDS = 1;

    public static ProblemDetail busy() {
        return ProblemWriter.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-busy",
                "Service busy",
                "Every database connection stayed busy too long; nothing was changed. Retry after "
                        + BUSY_RETRY_AFTER_SECONDS + " s.");
    }

    public static ProblemDetail malformedQuery() {
        return ProblemWriter.problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "The query string is not valid percent-encoded UTF-8");
    }

    public static ProblemDetail internalError() {
        return ProblemWriter.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The request could not be completed; it has been logged.");
    }

    public static ProblemDetail requestTooLarge() {
        return ProblemWriter.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "request-too-large",
                "Request too large",
                "The request body is larger than sms.web.max-request-body allows");
    }

    /** A status raised without an exception of ours (Tomcat, the firewall, an unknown path or method). */
    public static ProblemDetail forStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus resolved = known == null ? HttpStatus.BAD_REQUEST : known;
        String slug = switch (resolved) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONTENT_TOO_LARGE -> "request-too-large";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "request-too-large";
            case UNAUTHORIZED -> "not-authenticated";
            case FORBIDDEN -> "forbidden";
            case SERVICE_UNAVAILABLE -> "unavailable";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> resolved.is5xxServerError() ? "internal-error" : "malformed-request";
        };
        if (slug.equals("internal-error")) {
            return internalError();
        }
        return ProblemWriter.problem(resolved, slug, resolved.getReasonPhrase(), detail);
    }
}
