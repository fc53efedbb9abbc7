package dev.hato.sms.message;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Guards against SMS pumping and mistakes. 0 turns a limit off; unset means the default of the provider
 * in use: off with the sandbox (which sends nothing), {@link #SNS_DEFAULTS} with SNS or End User Messaging.
 *
 * @param perUserPerMinute sends per staff member per minute (0 = off; unset: off with sandbox, 60 with sns or eum)
 * @param perDestinationPerHour sends per destination number per hour (0 = off; unset: off with sandbox, 10
 *     with sns or eum)
 * @param dailySegments segments (what carriers bill) per day for the whole service (0 = off; unset: off
 *     with sandbox, 20000 with sns or eum)
 * @param perUserDailySegments segments per staff member per day, so one account (or a stolen session)
 *     cannot use up the service's day (0 = off; unset: off with sandbox, 5000 with sns or eum)
 * @param dayZone where a day starts for the daily segment limit
 * @param syncInterval how often each instance adds its counts to the shared ones and reads the others'
 * @param dailyBudgetUsd what a day's SMS may cost, in USD: the dashboard shows today's spend against it
 *     and warns from 80 % (unset: no budget shown; nothing is refused because of it)
 */
@Validated
@ConfigurationProperties("sms.limits")
public record LimitProperties(
        @Nullable @Min(0) Integer perUserPerMinute,
        @Nullable @Min(0) Integer perDestinationPerHour,
        @Nullable @Min(0) Long dailySegments,
        @Nullable @Min(0) Long perUserDailySegments,
        @DefaultValue("Asia/Tokyo") @NotNull ZoneId dayZone,
        @DefaultValue("1s") @NotNull Duration syncInterval,
        @Nullable @DecimalMin("0") BigDecimal dailyBudgetUsd) {

    /**
     * With SNS or End User Messaging (any provider but the sandbox): a person sends one a second at most, a phone gets 10 an hour, 20,000 segments a day, a
     * quarter of them from one staff member.
     */
    static final long[] SNS_DEFAULTS = {60, 10, 20_000, 5_000};
}
