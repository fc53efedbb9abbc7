package dev.hato.sms.message;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the provider reported about one message it accepted: a carrier event with the parts and price it
 * knows of. {@code messageId} is this service's id (sent to the provider as the message's context),
 * {@code providerMessageId} the id the provider returned; a receipt applies only when both match.
 *
 * @param carrierStatus the provider's event type (e.g. TEXT_DELIVERED, TEXT_BLOCKED)
 * @param carrierDetail the provider's description of it
 */
public record DeliveryReceipt(
        long messageId,
        String providerMessageId,
        Outcome outcome,
        String carrierStatus,
        @Nullable String carrierDetail,
        @Nullable Integer parts,
        @Nullable BigDecimal priceUsd,
        Instant reportedAt) {

    /** What the event means for the message. */
    public enum Outcome {
        /** Not final (queued, pending, accepted by the carrier without a final receipt): status stays. */
        PROGRESS,
        DELIVERED,
        UNDELIVERED,
        UNKNOWN
    }

    /** What applying it did. */
    public enum Applied {
        /** The message changed (status, carrier status, parts or price). */
        CHANGED,
        /** Nothing new: a duplicate, or an event that would move the message backwards. */
        UNCHANGED,
        /** No sent message has this id and provider id (yet): the send's commit may still be on its way. */
        NOT_YET
    }

    /**
     * @param status the message's status afterwards (null when not found)
     * @param sinceAccepted accepted to delivered, when this receipt delivered it
     * @param priceAdded the message's price, when this receipt was the first to report it
     */
    public record Result(
            Applied applied,
            @Nullable MessageStatus status,
            @Nullable Duration sinceAccepted,
            @Nullable BigDecimal priceAdded) {}
}
