package dev.hato.sms.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The problem types of every endpoint: request shape, HTTP itself, access, the database, bugs. */
@Component
public final class WebProblems implements ProblemTypes {

    public static final ProblemType VALIDATION_FAILED = new ProblemType(
            "validation-failed",
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            "a field is missing or invalid (see `errors`)");
    public static final ProblemType MALFORMED_REQUEST = new ProblemType(
            "malformed-request",
            HttpStatus.BAD_REQUEST,
            "Malformed request",
            "the body is not JSON, or the request is not well formed");
    public static final ProblemType NOT_AUTHENTICATED = new ProblemType(
            "not-authenticated",
            HttpStatus.UNAUTHORIZED,
            "Not authenticated",
            "no session, or it expired or was revoked");
    public static final ProblemType FORBIDDEN =
            new ProblemType("forbidden", HttpStatus.FORBIDDEN, "Forbidden", "the user may not use this endpoint");
    public static final ProblemType NOT_FOUND =
            new ProblemType("not-found", HttpStatus.NOT_FOUND, "Not found", "unknown id");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType(
            "method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", "the path has no such method");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType(
            "unsupported-media-type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Unsupported Media Type",
            "the body is not of a type the endpoint takes");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType(
            "not-acceptable",
            HttpStatus.NOT_ACCEPTABLE,
            "Not Acceptable",
            "the endpoint cannot answer in an accepted type");
    public static final ProblemType REQUEST_TOO_LARGE = new ProblemType(
            "request-too-large",
            HttpStatus.CONTENT_TOO_LARGE,
            "Request too large",
            "the body is larger than sms.web.max-request-body");
    public static final ProblemType SERVICE_BUSY = new ProblemType(
            "service-busy",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Service busy",
            "every database connection stayed busy (Retry-After)");
    public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType(
            "database-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Database unavailable",
            "PostgreSQL cannot be reached (Retry-After)");
    public static final ProblemType UNAVAILABLE = new ProblemType(
            "unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Service Unavailable",
            "the service is starting or stopping");
    public static final ProblemType INTERNAL_ERROR = new ProblemType(
            "internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "a bug; logged with its request id");
}
