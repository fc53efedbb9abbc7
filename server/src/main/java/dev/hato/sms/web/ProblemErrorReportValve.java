package dev.hato.sms.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error report, for requests it refuses before any servlet runs (a malformed request
 * line, an over-long header or URL, broken percent-encoding): problem JSON instead of an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        boolean database = throwable != null && Failures.isDatabaseUnavailable(throwable);
        int shown = database ? 503 : status;
        String type = database ? "database-unavailable" : slug(shown);
        String detail = database
                ? "The database cannot be reached right now; nothing was changed."
                : shown >= 500 ? "The request could not be completed." : "The request was refused (HTTP " + shown + ")";
        try {
            response.setStatus(shown);
            if (database) {
                response.setHeader("Retry-After", Integer.toString(Problems.DATABASE_RETRY_AFTER_SECONDS));
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ApiProblem.type(type) + "\",\"title\":\"" + title(shown)
                        + "\",\"status\":" + shown + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; nothing left to tell it.
        }
    }

    private static String slug(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413, 414, 431 -> "request-too-large";
            default -> status >= 500 ? "internal-error" : "malformed-request";
        };
    }

    private static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
