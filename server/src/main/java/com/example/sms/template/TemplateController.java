package com.example.sms.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
@RequestMapping("/api/customers/{customerId}/templates")
class TemplateController {

    record TemplateRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 10_000) String content) {}

    private final TemplateService service;

    TemplateController(TemplateService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView create(@PathVariable long customerId, @Valid @RequestBody TemplateRequest request) {
        return service.create(customerId, request);
    }

    @GetMapping
    List<TemplateView> list(@PathVariable long customerId) {
        return service.list(customerId);
    }

    @GetMapping("/{templateId}")
    TemplateView get(@PathVariable long customerId, @PathVariable long templateId) {
        return service.get(customerId, templateId);
    }

    @PutMapping("/{templateId}")
    TemplateView replace(
            @PathVariable long customerId, @PathVariable long templateId, @Valid @RequestBody TemplateRequest request) {
        return service.replace(customerId, templateId, request);
    }

    @DeleteMapping("/{templateId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long customerId, @PathVariable long templateId) {
        service.delete(customerId, templateId);
    }
}
