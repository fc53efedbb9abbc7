package dev.hato.sms.ops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param sampleInterval how often database and queue figures are sampled
 * @param slowStatements how many of the slowest statements are reported
 */
@Validated
@ConfigurationProperties("sms.ops")
public record OpsProperties(
        @DefaultValue("5s") @NotNull Duration sampleInterval,
        @DefaultValue("10") @Min(1) @Max(100) int slowStatements) {}
