/**
 * Customers, phone-number parsing and the opt-out (suppression) list. Owns {@code customers},
 * {@code suppressions} and {@code suppression_events}.
 */
@ApplicationModule(
        displayName = "Customers",
        allowedDependencies = {"web", "auth", "audit"})
@NullMarked
package dev.hato.sms.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
