/**
 * Delivery receipts: the provider's events about messages it accepted, from the SQS queue that End User
 * Messaging's event destination fills (or from the sandbox), applied through the message module's
 * {@code DeliveryReceipts}; and the rule that a message without a final receipt becomes unknown. Owns no
 * table.
 */
@ApplicationModule(
        displayName = "Delivery receipts",
        allowedDependencies = {"message", "dispatch", "web"})
@NullMarked
package dev.hato.sms.receipt;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
