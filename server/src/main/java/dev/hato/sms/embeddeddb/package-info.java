/**
 * The embedded PostgreSQL started when no datasource URL is configured. Owns no table.
 */
@ApplicationModule(
        displayName = "Embedded PostgreSQL",
        allowedDependencies = {})
@NullMarked
package dev.hato.sms.embeddeddb;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
