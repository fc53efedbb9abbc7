/**
 * Delivery of accepted messages to the SMS provider: dispatcher, shared rate limit, providers. Owns
 * {@code dispatch_rate_limit}; changes messages only through the message module's {@code Outbox}.
 */
@ApplicationModule(
        displayName = "Delivery",
        allowedDependencies = {"message", "customer", "web"})
@NullMarked
package dev.hato.sms.dispatch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
