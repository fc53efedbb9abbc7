/**
 * Templates per customer, placeholders, and counting text as carriers bill it. Owns {@code templates}.
 */
@ApplicationModule(
        displayName = "Templates",
        allowedDependencies = {"customer", "web", "audit"})
@NullMarked
package dev.hato.sms.template;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
