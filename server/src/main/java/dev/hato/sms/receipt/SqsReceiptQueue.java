package dev.hato.sms.receipt;

import dev.hato.sms.dispatch.AwsAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long-polls the receipts queue on a few threads of each instance. An event is deleted only after its
 * change committed; one whose message is not sent yet goes back to the queue (visibility timeout,
 * growing with each receive) until the queue's redrive policy moves it to the dead-letter queue; a
 * malformed one is moved there at once. The queue being slow or gone slows only this: sending never
 * waits for receipts.
 */
final class SqsReceiptQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SqsReceiptQueue.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReceiptProperties properties;
    private final ReceiptHandler handler;
    private final ReceiptMetrics metrics;
    private final SqsClient sqs;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile @Nullable String deadLetterUrl;
    private volatile long lastDepthCheck;

    SqsReceiptQueue(ReceiptProperties properties, ReceiptHandler handler, ReceiptMetrics metrics) {
        this.properties = properties;
        this.handler = handler;
        this.metrics = metrics;
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(AwsAccess.credentials(properties.accessKeyId(), properties.secretAccessKey()))
                // A receive waits up to wait-time for events: the call's timeout must outlast it.
                .overrideConfiguration(
                        c -> c.apiCallTimeout(properties.waitTime().plusSeconds(10)));
        if (properties.endpointUrl() != null) {
            builder.endpointOverride(properties.endpointUrl());
        }
        this.sqs = builder.build();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.consumers(); i++) {
            Thread thread = new Thread(this::consume, "sms-receipts-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        log.info("Reading delivery receipts from {} on {} thread(s)", properties.queueUrl(), properties.consumers());
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        sqs.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void consume() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    Thread.sleep(backoffMillis);
                }
                receiveOnce();
                backoffMillis = 0;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                backoffMillis = Math.min(30_000, Math.max(1_000, backoffMillis * 2));
                log.warn("Receipts queue not read, again in {} ms: {}", backoffMillis, e.toString());
                metrics.event("queue-error");
            }
        }
    }

    /** One receive and what follows from it; package-private for the tests. */
    void receiveOnce() {
        checkDeadLetterQueue();
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(properties.queueUrl())
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(
                                (int) Math.min(20, properties.waitTime().toSeconds()))
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            ReceiptHandler.Disposition disposition;
            try {
                disposition = handler.handle(message.body());
            } catch (RuntimeException e) {
                // The database, most likely: the event stays in the queue and comes back.
                log.warn("Receipt not applied, it comes back from the queue: {}", e.toString());
                metrics.event("error");
                continue;
            }
            switch (disposition) {
                case DONE -> done.add(entry(message, done.size()));
                case RETRY -> retryLater(message);
                case DEAD -> {
                    toDeadLetterQueue(message);
                    done.add(entry(message, done.size()));
                }
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(properties.queueUrl()).entries(done));
        }
    }

    private void retryLater(Message message) {
        int receives = Integer.parseInt(
                message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        // 5 s, 10 s, 20 s, ... up to 15 min: the send's commit is usually a moment away.
        int seconds =
                (int) Math.min(900, Math.max(1, properties.retryDelay().toSeconds()) << Math.min(8, receives - 1));
        sqs.changeMessageVisibility(r -> r.queueUrl(properties.queueUrl())
                .receiptHandle(message.receiptHandle())
                .visibilityTimeout(seconds));
    }

    /** Copies it to the DLQ before it is deleted; without one (no redrive policy) it is only deleted. */
    private void toDeadLetterQueue(Message message) {
        String dlq = deadLetterUrl;
        if (dlq == null) {
            log.error("A malformed receipt is deleted: the receipts queue has no dead-letter queue (redrive policy)");
            return;
        }
        sqs.sendMessage(r -> r.queueUrl(dlq).messageBody(message.body()));
    }

    /** The DLQ's address from the queue's redrive policy, and its depth for the gauge, every 30 s. */
    private void checkDeadLetterQueue() {
        long now = System.nanoTime();
        if (lastDepthCheck != 0 && now - lastDepthCheck < Duration.ofSeconds(30).toNanos()) {
            return;
        }
        lastDepthCheck = now;
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                        r -> r.queueUrl(properties.queueUrl()).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes();
        String policy = attributes.get(QueueAttributeName.REDRIVE_POLICY);
        if (policy == null) {
            deadLetterUrl = null;
            return;
        }
        String arn = JSON.readTree(policy).path("deadLetterTargetArn").asString("");
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        deadLetterUrl = url;
        String depth = sqs.getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        metrics.dlqDepth(depth == null ? -1 : Long.parseLong(depth));
    }

    private static DeleteMessageBatchRequestEntry entry(Message message, int index) {
        return DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(index))
                .receiptHandle(message.receiptHandle())
                .build();
    }
}
