package com.example.sms.token;

import com.example.sms.auth.StaffPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TokenController {

    record IssueRequest(
            @NotNull @Positive Long customerId, @Positive Long ttlSeconds) {}

    /** The only time the token is ever shown: the service keeps just its hash. */
    record IssuedToken(String token, long customerId, OffsetDateTime expiresAt) {}

    private final TokenService service;

    TokenController(TokenService service) {
        this.service = service;
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken issue(@Valid @RequestBody IssueRequest request, @AuthenticationPrincipal StaffPrincipal staff) {
        return service.issue(request.customerId(), request.ttlSeconds(), staff.id());
    }
}
