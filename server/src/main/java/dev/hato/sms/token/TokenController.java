package dev.hato.sms.token;

import dev.hato.sms.auth.StaffPrincipal;
import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Send tokens", description = "One-time tokens, each good for one send to one customer")
class TokenController {

    record IssueRequest(
            @Schema(example = "42") @NotNull @Positive Long customerId,
            @Schema(example = "600") @Positive @Nullable Long ttlSeconds) {}

    private final TokenService service;

    TokenController(TokenService service) {
        this.service = service;
    }

    @PostMapping("/api/tokens")
    @ProblemResponses({"validation-failed", "malformed-request"})
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken issue(@Valid @RequestBody IssueRequest request, @AuthenticationPrincipal StaffPrincipal staff) {
        return service.issue(request.customerId(), request.ttlSeconds(), staff.id());
    }
}
