package dev.hato.sms.customer;

import dev.hato.sms.auth.StaffPrincipal;
import dev.hato.sms.web.Page;
import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "Customers and their phone numbers")
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerService service;

    CustomerController(CustomerService service) {
        this.service = service;
    }

    @PostMapping
    @ProblemResponses({"validation-failed", "malformed-request"})
    @ResponseStatus(HttpStatus.CREATED)
    CustomerView register(@Valid @RequestBody CustomerRequests.Create request) {
        return service.register(request);
    }

    @GetMapping
    @ProblemResponses("validation-failed")
    Page<CustomerView> list(
            @RequestParam(name = "phone_number", required = false) @Nullable String phoneNumber,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return service.list(phoneNumber, name, cursor, limit);
    }

    @GetMapping("/{id}")
    @ProblemResponses({"validation-failed", "not-found"})
    CustomerView get(@PathVariable long id) {
        return service.get(id);
    }

    @PatchMapping("/{id}")
    @ProblemResponses({"validation-failed", "malformed-request", "not-found", "opt-out-lift-forbidden"})
    CustomerView update(
            @PathVariable long id,
            @Valid @RequestBody CustomerRequests.Update update,
            @AuthenticationPrincipal StaffPrincipal staff) {
        return service.update(id, update, staff.id(), staff.superuser());
    }
}
