package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A receipt moves a message forward only, and applying one twice changes nothing the second time. */
class ReceiptTransitionTest {

    static DeliveryReceipt receipt(DeliveryReceipt.Outcome outcome, String type) {
        return new DeliveryReceipt(
                1, "p-1", outcome, type, "described", 2, new BigDecimal("0.14"), Instant.parse("2026-12-01T00:00:00Z"));
    }

    static ReceiptTransition.Current current(MessageStatus status, String carrierStatus, Integer parts) {
        return new ReceiptTransition.Current(
                status, "p-1", carrierStatus, parts, parts == null ? null : BigDecimal.ONE);
    }

    @Test
    void aFinalReceiptEndsASentMessageAndRecordsItsPartsAndPrice() {
        var change = ReceiptTransition.next(
                        current(MessageStatus.SENT, null, null),
                        receipt(DeliveryReceipt.Outcome.DELIVERED, "TEXT_DELIVERED"))
                .orElseThrow();

        assertThat(change.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(change.deliveredAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(change.parts()).isEqualTo(2);
        assertThat(change.priceUsd()).isEqualByComparingTo("0.14");
        assertThat(change.carrierChanged()).isTrue();
    }

    @Test
    void deliveredAndUndeliveredNeverChangeAgain() {
        for (MessageStatus done : new MessageStatus[] {MessageStatus.DELIVERED, MessageStatus.UNDELIVERED}) {
            for (DeliveryReceipt.Outcome outcome : DeliveryReceipt.Outcome.values()) {
                assertThat(ReceiptTransition.next(current(done, "TEXT_X", 2), receipt(outcome, "TEXT_Y")))
                        .as(done + " then " + outcome)
                        .isEmpty();
            }
        }
    }

    @Test
    void aLateFinalReceiptStillEndsAMessageTheTimeoutMadeUnknownButAnotherUnknownDoesNot() {
        var unknown = current(MessageStatus.UNKNOWN, null, null);

        assertThat(ReceiptTransition.next(unknown, receipt(DeliveryReceipt.Outcome.DELIVERED, "TEXT_DELIVERED"))
                        .orElseThrow()
                        .status())
                .isEqualTo(MessageStatus.DELIVERED);
        assertThat(ReceiptTransition.next(unknown, receipt(DeliveryReceipt.Outcome.UNKNOWN, "TEXT_UNKNOWN"))
                        .orElseThrow()
                        .status())
                .as("only the parts and price are new")
                .isEqualTo(MessageStatus.UNKNOWN);
    }

    @Test
    void theSameProgressEventTwiceIsNewOnlyTheFirstTime() {
        var first = ReceiptTransition.next(
                        current(MessageStatus.SENT, null, null),
                        receipt(DeliveryReceipt.Outcome.PROGRESS, "TEXT_SUCCESSFUL"))
                .orElseThrow();
        assertThat(first.status()).isEqualTo(MessageStatus.SENT);

        var after = new ReceiptTransition.Current(
                MessageStatus.SENT, "p-1", first.carrierStatus(), first.parts(), first.priceUsd());
        assertThat(ReceiptTransition.next(after, receipt(DeliveryReceipt.Outcome.PROGRESS, "TEXT_SUCCESSFUL")))
                .isEmpty();
    }

    @Test
    void aReceiptNamingAnotherProviderIdOrAMessageNotSentYetDoesNotMatch() {
        var receipt = receipt(DeliveryReceipt.Outcome.DELIVERED, "TEXT_DELIVERED");

        assertThat(ReceiptTransition.matches(current(MessageStatus.SENT, null, null), receipt))
                .isTrue();
        assertThat(ReceiptTransition.matches(
                        new ReceiptTransition.Current(MessageStatus.SENT, "p-2", null, null, null), receipt))
                .isFalse();
        assertThat(ReceiptTransition.matches(
                        new ReceiptTransition.Current(MessageStatus.SENDING, null, null, null, null), receipt))
                .isFalse();
        assertThat(ReceiptTransition.matches(
                        new ReceiptTransition.Current(MessageStatus.SENDING, "p-1", null, null, null), receipt))
                .as("a retry that was sent again under this id is recorded only at its commit")
                .isFalse();
    }
}
