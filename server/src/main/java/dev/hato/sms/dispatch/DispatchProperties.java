package dev.hato.sms.dispatch;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dispatcher's settings; the size of its pool, {@code sms.dispatch.pool-size}, is the outbox's
 * ({@code message.DispatcherPoolProperties}).
 *
 * @param enabled whether this instance delivers messages at all
 * @param ratePerSecond the provider's quota, shared by every instance on the database: messages per second
 *     (AWS SNS: 20), or message parts per second with eum (End User Messaging: 10 MPS by default)
 * @param maxAttempts publish attempts before a transiently failing message is marked failed
 * @param batchSize most messages claimed at once; a batch never holds more than one second of quota
 * @param maxInFlight concurrent provider calls per instance
 * @param pollInterval how often other instances' new messages are looked for (this instance's wake it at once)
 * @param leaseTimeout after this, a message left in "sending" by a crashed instance is reclaimed
 * @param backoffBase first retry delay; it doubles per attempt, with jitter
 * @param backoffMax longest retry delay
 * @param shutdownGrace how long shutdown waits for in-flight provider calls
 * @param gatherDelay after a local send wakes the dispatcher, how long it lets further sends gather
 *     before claiming, so one claim takes several messages instead of one each
 */
@Validated
@ConfigurationProperties("sms.dispatch")
public record DispatchProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @DecimalMin("0.001") double ratePerSecond,
        @DefaultValue("12") @Min(1) int maxAttempts,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("32") @Min(1) int maxInFlight,
        @DefaultValue("250ms") @NotNull Duration pollInterval,
        @DefaultValue("60s") @NotNull Duration leaseTimeout,
        @DefaultValue("1s") @NotNull Duration backoffBase,
        @DefaultValue("5m") @NotNull Duration backoffMax,
        @DefaultValue("10s") @NotNull Duration shutdownGrace,
        @DefaultValue("20ms") @NotNull Duration gatherDelay) {}
