package dev.hato.sms.dispatch;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param latency simulated time of one provider call
 * @param failureRate share of calls that fail permanently (as an invalid number would)
 * @param throttleRate share of calls that are throttled (transient, retried)
 * @param retained how many recent messages are kept for inspection, as LocalStack keeps them
 * @param receipts report each accepted message back as End User Messaging would (delivered, or
 *     undelivered at undelivered-rate), through the same receipt handling as the real events
 * @param receiptDelay about how long after the publish its receipt comes (each between 2/3 and 4/3 of it)
 * @param undeliveredRate share of receipts that say undelivered (unreachable handset)
 * @param pricePerPartUsd what the sandbox's receipts say one message part cost (illustrative)
 */
@Validated
@ConfigurationProperties("sms.sandbox")
public record SandboxProperties(
        @DefaultValue("0ms") @NotNull Duration latency,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double throttleRate,
        @DefaultValue("1000") int retained,
        @DefaultValue("true") boolean receipts,
        @DefaultValue("1500ms") @NotNull Duration receiptDelay,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double undeliveredRate,
        @DefaultValue("0.07") @NotNull @DecimalMin("0") BigDecimal pricePerPartUsd) {}
