/**
 * Send (checks, idempotency, the outbox insert) and history. Owns {@code messages}, {@code message_events}
 * and {@code idempotency_keys}; every change of a message's status goes through {@link dev.hato.sms.message.Outbox}.
 */
@ApplicationModule(
        displayName = "Messages",
        allowedDependencies = {"customer", "template", "token", "auth", "web", "audit"})
@NullMarked
package dev.hato.sms.message;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
