package dev.hato.sms.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page: whatever reached it (an unknown path, a request the firewall rejected, a status set
 * by a filter) is answered as problem JSON, never as Boot's whitelabel page.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem;
        HttpHeaders headers = new HttpHeaders();
        if (exception instanceof Throwable t && Failures.isDatabaseUnavailable(t)) {
            problem = Problems.databaseUnavailable();
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(Problems.DATABASE_RETRY_AFTER_SECONDS));
        } else {
            int status = code instanceof Integer i ? i : 404;
            problem = Problems.forStatus(status, status == 404 ? "No such resource" : "The request was refused");
        }
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
