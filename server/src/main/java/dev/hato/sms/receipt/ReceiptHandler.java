package dev.hato.sms.receipt;

import dev.hato.sms.message.DeliveryReceipt;
import dev.hato.sms.message.DeliveryReceipts;
import dev.hato.sms.message.MessageStatus;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One event, from the queue or the sandbox: parsed, applied in one transaction, counted. Says what the
 * source must do with it; the source acknowledges an event only after this returns.
 */
@Component
public class ReceiptHandler {

    /** What to do with the event at its source. */
    public enum Disposition {
        /** Applied, a duplicate, or not ours to apply: delete it. */
        DONE,
        /** Its message is not sent yet (or unknown): leave it for a later receive. */
        RETRY,
        /** Malformed: to the dead-letter queue. */
        DEAD
    }

    private static final Logger log = LoggerFactory.getLogger(ReceiptHandler.class);

    private final DeliveryReceipts receipts;
    private final ReceiptMetrics metrics;
    private final Clock clock;

    ReceiptHandler(DeliveryReceipts receipts, ReceiptMetrics metrics, Clock clock) {
        this.receipts = receipts;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Disposition handle(String body) {
        ReceiptEvents.Parsed parsed = ReceiptEvents.parse(body);
        if (parsed instanceof ReceiptEvents.Parsed.Malformed malformed) {
            log.warn("Malformed delivery receipt ({}), to the dead-letter queue: {}", malformed.why(), preview(body));
            metrics.event("malformed");
            return Disposition.DEAD;
        }
        if (parsed instanceof ReceiptEvents.Parsed.Ignored ignored) {
            log.debug("Event {} is not about a text message; ignored", ignored.why());
            metrics.event("ignored");
            return Disposition.DONE;
        }
        DeliveryReceipt receipt = ((ReceiptEvents.Parsed.Receipt) parsed).receipt();
        metrics.lag(Duration.between(receipt.reportedAt(), clock.instant()));
        DeliveryReceipt.Result result = receipts.apply(receipt);
        switch (result.applied()) {
            case NOT_YET -> {
                metrics.event("not-yet");
                return Disposition.RETRY;
            }
            case UNCHANGED -> metrics.event("unchanged");
            case CHANGED -> {
                metrics.event("applied");
                if (result.status() != null && result.status() != MessageStatus.SENT) {
                    metrics.outcome(result.status(), receipt.carrierStatus(), result.sinceAccepted());
                }
                if (result.priceAdded() != null) {
                    metrics.spend(result.priceAdded());
                }
            }
        }
        return Disposition.DONE;
    }

    private static String preview(String body) {
        String oneLine = body.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
