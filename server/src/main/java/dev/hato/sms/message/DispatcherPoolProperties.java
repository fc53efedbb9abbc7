package dev.hato.sms.message;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dispatcher's pool, which belongs to the outbox (the rest of {@code sms.dispatch.*} is the
 * dispatch module's {@code DispatchProperties}).
 *
 * @param poolSize connections of the dispatcher's own pool (separate from the web requests' pool)
 */
@Validated
@ConfigurationProperties("sms.dispatch")
record DispatcherPoolProperties(@DefaultValue("4") @Min(1) int poolSize) {}
