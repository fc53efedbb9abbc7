package dev.hato.sms.token;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultTtl how long a token lives when the request names no ttl_seconds
 * @param maxTtl the longest ttl_seconds a client may ask for
 */
@Validated
@ConfigurationProperties("sms.tokens")
public record TokenProperties(
        @DefaultValue("10m") @NotNull Duration defaultTtl,
        @DefaultValue("24h") @NotNull Duration maxTtl) {}
