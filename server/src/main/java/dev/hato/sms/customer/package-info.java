/**
 * Customers and phone-number parsing. Owns {@code customers}.
 */
@ApplicationModule(
        displayName = "Customers",
        allowedDependencies = {"web"})
@NullMarked
package dev.hato.sms.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
