/**
 * One-time send tokens: issued over the API, checked and consumed by a send. Owns {@code send_tokens}.
 */
@ApplicationModule(
        displayName = "One-time send tokens",
        allowedDependencies = {"web", "auth", "audit"})
@NullMarked
package dev.hato.sms.token;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
