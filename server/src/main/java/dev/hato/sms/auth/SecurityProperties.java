package dev.hato.sms.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

@Validated
@ConfigurationProperties("sms.security")
public record SecurityProperties(
        @DefaultValue("csrftoken") @NotBlank String csrfCookieName,
        @DefaultValue("X-CSRFToken") @NotBlank String csrfHeaderName,
        @DefaultValue("http://localhost:3000") List<String> trustedOrigins,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue @Valid @NotNull LoginThrottle loginThrottle) {

    /** Failed logins allowed per window before further attempts get 429. */
    public record LoginThrottle(
            @DefaultValue("5") @Min(1) int maxFailuresPerUsername,
            @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
            @DefaultValue("15m") @NotNull Duration window) {}
}
