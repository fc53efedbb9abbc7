package dev.hato.sms.dispatch;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param latency simulated time of one provider call
 * @param failureRate share of calls that fail permanently (as an invalid number would)
 * @param throttleRate share of calls that are throttled (transient, retried)
 * @param retained how many recent messages are kept for inspection, as LocalStack keeps them
 */
@Validated
@ConfigurationProperties("sms.sandbox")
public record SandboxProperties(
        @DefaultValue("0ms") @NotNull Duration latency,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double throttleRate,
        @DefaultValue("1000") int retained) {}
