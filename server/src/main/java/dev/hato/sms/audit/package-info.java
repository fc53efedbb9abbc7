/**
 * The audit trail: who did what, when, from where, with the values before and after. Owns {@code
 * audit_events}. Every module that changes something worth auditing records it here, in the same
 * transaction; nothing can change or delete an entry but retention.
 */
@ApplicationModule(
        displayName = "Audit trail",
        allowedDependencies = {"web"})
@NullMarked
package dev.hato.sms.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
