package dev.hato.sms.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a receipt, apart from the database: which receipt applies to which message, and what it
 * changes. A message moves forward only: sent to delivered, undelivered or unknown; unknown (the timeout)
 * to delivered or undelivered when a late final receipt comes; delivered and undelivered never change.
 */
final class ReceiptTransition {

    /** The message as stored. */
    record Current(
            MessageStatus status,
            @Nullable String providerMessageId,
            @Nullable String carrierStatus,
            @Nullable Integer parts,
            @Nullable BigDecimal priceUsd) {}

    /** What to write. */
    record Change(
            MessageStatus status,
            @Nullable Instant deliveredAt,
            @Nullable Integer parts,
            @Nullable BigDecimal priceUsd,
            boolean carrierChanged,
            String carrierStatus,
            @Nullable String carrierDetail,
            boolean statusChanged) {}

    private ReceiptTransition() {}

    /** Empty when there is nothing to write; {@link #matches} decides NOT_YET before this is asked. */
    static Optional<Change> next(Current current, DeliveryReceipt receipt) {
        MessageStatus target = switch (receipt.outcome()) {
            case PROGRESS -> current.status();
            case DELIVERED -> MessageStatus.DELIVERED;
            case UNDELIVERED -> MessageStatus.UNDELIVERED;
            case UNKNOWN -> MessageStatus.UNKNOWN;
        };
        boolean mayMove = switch (current.status()) {
            case SENT -> true;
            case UNKNOWN -> target == MessageStatus.DELIVERED || target == MessageStatus.UNDELIVERED;
            default -> false;
        };
        MessageStatus status = mayMove ? target : current.status();
        boolean statusChanged = status != current.status();
        // A progress event after the final one says nothing new about the carrier's view.
        boolean carrierNews = (statusChanged || receipt.outcome() == DeliveryReceipt.Outcome.PROGRESS)
                && mayMove
                && !Objects.equals(current.carrierStatus(), receipt.carrierStatus());
        Integer parts = current.parts() != null ? current.parts() : receipt.parts();
        BigDecimal price = current.priceUsd() != null ? current.priceUsd() : receipt.priceUsd();
        boolean costNews = !Objects.equals(parts, current.parts()) || !Objects.equals(price, current.priceUsd());
        if (!statusChanged && !carrierNews && !costNews) {
            return Optional.empty();
        }
        boolean takeCarrier = statusChanged || carrierNews;
        return Optional.of(new Change(
                status,
                status == MessageStatus.DELIVERED && statusChanged ? receipt.reportedAt() : null,
                parts,
                price,
                takeCarrier,
                receipt.carrierStatus(),
                receipt.carrierDetail(),
                statusChanged));
    }

    /** Whether the receipt is about this message as sent: its provider id, and past the send's commit. */
    static boolean matches(Current current, DeliveryReceipt receipt) {
        return MessageStatus.PROVIDER_ACCEPTED.contains(current.status())
                && receipt.providerMessageId().equals(current.providerMessageId());
    }
}
