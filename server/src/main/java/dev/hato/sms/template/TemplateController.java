package dev.hato.sms.template;

import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Templates", description = "Message templates of a customer, counted as carriers bill them")
@RequestMapping("/api/customers/{customerId}/templates")
class TemplateController {

    private final TemplateService service;

    TemplateController(TemplateService service) {
        this.service = service;
    }

    @PostMapping
    @ProblemResponses({"validation-failed", "malformed-request", "not-found", "template-name-taken"})
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView create(@PathVariable long customerId, @Valid @RequestBody TemplateRequest request) {
        return service.create(customerId, request);
    }

    @GetMapping
    @ProblemResponses({"validation-failed", "not-found"})
    List<TemplateView> list(@PathVariable long customerId) {
        return service.list(customerId);
    }

    @GetMapping("/{templateId}")
    @ProblemResponses({"validation-failed", "not-found"})
    TemplateView get(@PathVariable long customerId, @PathVariable long templateId) {
        return service.get(customerId, templateId);
    }

    @PutMapping("/{templateId}")
    @ProblemResponses({"validation-failed", "malformed-request", "not-found", "template-name-taken"})
    TemplateView replace(
            @PathVariable long customerId, @PathVariable long templateId, @Valid @RequestBody TemplateRequest request) {
        return service.replace(customerId, templateId, request);
    }

    @DeleteMapping("/{templateId}")
    @ProblemResponses({"validation-failed", "not-found"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long customerId, @PathVariable long templateId) {
        service.delete(customerId, templateId);
    }
}
