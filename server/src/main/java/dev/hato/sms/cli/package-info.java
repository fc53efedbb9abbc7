/**
 * Administration on the service's jar: {@code loaddata} (Django fixtures), {@code createuser},
 * {@code changepassword}, and the demo user of a first start. Writes users only through {@code auth}.
 */
@ApplicationModule(
        displayName = "Command-line tasks",
        allowedDependencies = {"auth"})
@NullMarked
package dev.hato.sms.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
