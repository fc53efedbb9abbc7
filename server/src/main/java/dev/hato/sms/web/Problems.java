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
        // After the size check above: a body cut off by the guard also breaks the multipart parser.
        if (Failures.has(error, org.springframework.web.multipart.MultipartException.class)) {
            return Optional.of(new Answer(
                    WebProblems.MALFORMED_REQUEST.detail(
                            "The multipart body is malformed (a part without its end, or no boundary)"),
                    0));
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
        return WebProblems.DATABASE_UNAVAILABLE.detail(
                "The database cannot be reached right now; nothing was changed. Retry after "
                        + DATABASE_RETRY_AFTER_SECONDS + " s.");
    }

    /** Seconds a client should wait before retrying while the service sheds load. */
    public static final int BUSY_RETRY_AFTER_SECONDS = 1;

    public static ProblemDetail busy() {
        return WebProblems.SERVICE_BUSY.detail(
                "Every database connection stayed busy too long; nothing was changed. Retry after "
                        + BUSY_RETRY_AFTER_SECONDS + " s.");
    }

    public static ProblemDetail malformedQuery() {
        return WebProblems.MALFORMED_REQUEST.detail("The query string is not valid percent-encoded UTF-8");
    }

    public static ProblemDetail internalError() {
        return WebProblems.INTERNAL_ERROR.detail("The request could not be completed; it has been logged.");
    }

    public static ProblemDetail requestTooLarge() {
        return WebProblems.REQUEST_TOO_LARGE.detail("The request body is larger than sms.web.max-request-body allows");
    }

    /** A status raised without an exception of ours (Tomcat, the firewall, an unknown path or method). */
    public static ProblemDetail forStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus resolved = known == null ? HttpStatus.BAD_REQUEST : known;
        ProblemType type = switch (resolved) {
            case NOT_FOUND -> WebProblems.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> WebProblems.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> WebProblems.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> WebProblems.NOT_ACCEPTABLE;
            case CONTENT_TOO_LARGE, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> WebProblems.REQUEST_TOO_LARGE;
            case UNAUTHORIZED -> WebProblems.NOT_AUTHENTICATED;
            case FORBIDDEN -> WebProblems.FORBIDDEN;
            case SERVICE_UNAVAILABLE -> WebProblems.UNAVAILABLE;
            case INTERNAL_SERVER_ERROR -> WebProblems.INTERNAL_ERROR;
            default -> resolved.is5xxServerError() ? WebProblems.INTERNAL_ERROR : WebProblems.MALFORMED_REQUEST;
        };
        if (type == WebProblems.INTERNAL_ERROR) {
            return internalError();
        }
        // The status as it was (414 and 431 keep theirs under request-too-large), the type's title.
        return ProblemWriter.problem(resolved, type.slug(), type.title(), detail);
    }
}
