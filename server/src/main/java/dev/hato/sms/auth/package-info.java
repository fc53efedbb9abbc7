/**
 * Staff login, sessions, CSRF and users. Owns {@code users}, {@code profiles}, {@code login_failures} and the
 * Spring Session tables.
 */
@ApplicationModule(
        displayName = "Staff authentication",
        allowedDependencies = {"web", "audit"})
@NullMarked
package dev.hato.sms.auth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
