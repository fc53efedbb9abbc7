package dev.hato.sms.receipt;

import dev.hato.sms.message.DeliveryReceipts;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * AWS's rule, applied here too: a message sent longer than {@code sms.receipts.final-after} ago with no
 * final receipt becomes unknown. Runs only where receipts are expected (End User Messaging with a queue,
 * or the sandbox's receipts): with SNS, which has none, {@code sent} stays the last word.
 */
final class FinalAfterSweep {

    private static final Logger log = LoggerFactory.getLogger(FinalAfterSweep.class);
    static final int BATCH = 1_000;

    private final DeliveryReceipts receipts;
    private final ReceiptProperties properties;
    private final ReceiptMetrics metrics;
    private final Clock clock;

    FinalAfterSweep(DeliveryReceipts receipts, ReceiptProperties properties, ReceiptMetrics metrics, Clock clock) {
        this.receipts = receipts;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${sms.receipts.sweep-interval:5m}",
            fixedDelayString = "${sms.receipts.sweep-interval:5m}")
    int sweep() {
        int total = 0;
        for (int i = 0; i < 100; i++) {
            int marked = receipts.markUnknownSentBefore(
                    clock.instant().minus(properties.finalAfter()), properties.finalAfter(), BATCH);
            total += marked;
            if (marked < BATCH) {
                break;
            }
        }
        if (total > 0) {
            metrics.timedOut(total);
            log.info("{} message(s) without a final receipt after {} are now unknown", total, properties.finalAfter());
        }
        return total;
    }
}
