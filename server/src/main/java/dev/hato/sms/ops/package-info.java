/**
 * Observability: PostgreSQL sampling, health, the ops summary, request ids. Owns no table.
 */
@ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {"dispatch", "web"})
@NullMarked
package dev.hato.sms.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
