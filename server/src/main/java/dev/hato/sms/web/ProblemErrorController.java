package dev.hato.sms.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.boot.webmvc.error.ErrorController;
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
        int status = code instanceof Integer i ? i : 404;
        Problems.Answer answer = (exception instanceof Throwable t
                        ? Problems.forFailure(t)
                        : Optional.<Problems.Answer>empty())
                .orElseGet(() -> new Problems.Answer(
                        Problems.forStatus(status, status == 404 ? "No such resource" : "The request was refused"), 0));
        return new ResponseEntity<>(
                answer.problem(), answer.headers(), answer.problem().getStatus());
    }
}
