package dev.hato.sms.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error report, for requests it refuses before any servlet runs (a malformed request
 * line, an over-long header or URL, broken percent-encoding): problem JSON instead of an HTML page.
 * Same types as everywhere else ({@link Problems}); Tomcat creates the valve itself, so it writes the
 * few fields by hand rather than through the application's JSON mapper.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Problems.Answer answer = (throwable == null
                        ? java.util.Optional.<Problems.Answer>empty()
                        : Problems.forFailure(throwable))
                .orElseGet(() -> new Problems.Answer(
                        Problems.forStatus(status, "The request was refused (HTTP " + status + ")"), 0));
        ProblemDetail problem = answer.problem();
        try {
            response.setStatus(problem.getStatus());
            if (answer.retryAfterSeconds() > 0) {
                response.setHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()));
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + problem.getType() + "\",\"title\":\"" + json(problem.getTitle())
                        + "\",\"status\":" + problem.getStatus() + ",\"detail\":\"" + json(problem.getDetail())
                        + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; nothing left to tell it.
        }
    }

    private static String json(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
