package dev.hato.sms.receipt;

import dev.hato.sms.dispatch.EumSmsProvider;
import dev.hato.sms.dispatch.SandboxProperties;
import dev.hato.sms.dispatch.SandboxSmsProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's delivery receipts: a moment after each publish, an event as End User Messaging writes it
 * (TEXT_DELIVERED, or TEXT_UNREACHABLE at the undelivered rate) goes through the same handler as the
 * queue's. Like the queue, an event whose message is not recorded as sent yet comes back, a few times.
 * Kept in memory only: receipts due when the instance stops are lost, and final-after makes those
 * messages unknown, as AWS would.
 */
final class SandboxReceipts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxReceipts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int TRIES = 5;

    private final SandboxSmsProvider sandbox;
    private final SandboxProperties properties;
    private final ReceiptHandler handler;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    SandboxReceipts(SandboxSmsProvider sandbox, SandboxProperties properties, ReceiptHandler handler, Clock clock) {
        this.sandbox = sandbox;
        this.properties = properties;
        this.handler = handler;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sms-sandbox-receipts");
            thread.setDaemon(true);
            return thread;
        });
        sandbox.onPublished(this::published);
    }

    @Override
    public void stop() {
        sandbox.onPublished(published -> {});
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private void published(SandboxSmsProvider.Published published) {
        String event = event(published, ThreadLocalRandom.current().nextDouble() < properties.undeliveredRate());
        schedule(event, 1);
    }

    private void schedule(String event, int attempt) {
        long base = properties.receiptDelay().toMillis();
        long delay = attempt == 1 ? ThreadLocalRandom.current().nextLong(base * 2 / 3, base * 4 / 3 + 1) : 1_000;
        try {
            scheduler.schedule(() -> deliver(event, attempt), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Stopping: this receipt is lost, as an undelivered SNS notification would be.
        }
    }

    private void deliver(String event, int attempt) {
        try {
            if (handler.handle(event) == ReceiptHandler.Disposition.RETRY) {
                if (attempt < TRIES) {
                    schedule(event, attempt + 1);
                } else {
                    log.warn("Sandbox receipt dropped after {} tries: its message was never recorded as sent", TRIES);
                }
            }
        } catch (RuntimeException e) {
            if (attempt < TRIES) {
                schedule(event, attempt + 1);
            }
        }
    }

    /** The event as AWS's documentation shows it. */
    String event(SandboxSmsProvider.Published published, boolean undelivered) {
        long now = clock.millis();
        int parts = Math.max(1, published.segments());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", undelivered ? "TEXT_UNREACHABLE" : "TEXT_DELIVERED");
        event.put("eventVersion", "1.0");
        event.put("eventTimestamp", now + properties.receiptDelay().toMillis());
        event.put("isFinal", true);
        event.put("originationPhoneNumber", "SANDBOX");
        event.put("destinationPhoneNumber", published.phoneNumber());
        event.put("isoCountryCode", "JP");
        event.put("messageId", published.providerMessageId());
        event.put("messageRequestTimestamp", published.at().toEpochMilli());
        event.put("messageType", "TRANSACTIONAL");
        event.put("messageStatus", undelivered ? "UNREACHABLE" : "DELIVERED");
        event.put(
                "messageStatusDescription",
                undelivered ? "sandbox: the handset was unreachable" : "sandbox: delivered to the handset");
        event.put("context", Map.of(EumSmsProvider.CONTEXT_KEY, Long.toString(published.messageId())));
        event.put("totalMessageParts", parts);
        event.put("totalMessagePrice", properties.pricePerPartUsd().multiply(BigDecimal.valueOf(parts)));
        event.put("totalCarrierFee", 0);
        return JSON.writeValueAsString(event);
    }
}
