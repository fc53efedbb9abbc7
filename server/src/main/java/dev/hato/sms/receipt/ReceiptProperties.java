package dev.hato.sms.receipt;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param queueUrl the SQS queue subscribed to the configuration set's event destination (SNS topic);
 *     empty: no queue is read
 * @param endpointUrl override of the SQS endpoint for a test double; empty for AWS
 * @param region AWS region of the queue
 * @param accessKeyId static credentials; empty uses the AWS default chain
 * @param secretAccessKey the secret of the access key id
 * @param finalAfter a sent message without a final receipt this long after it was sent becomes unknown
 *     (AWS's own rule: 72 hours)
 * @param sweepInterval how often messages past final-after are looked for
 * @param consumers threads per instance that long-poll the queue
 * @param waitTime how long one receive waits for events (SQS long polling: at most 20 s)
 * @param retryDelay an event whose message is not recorded as sent yet comes back after this, doubling
 *     with each receive up to 15 min (the queue's redrive policy then moves it to the dead-letter queue)
 */
@Validated
@ConfigurationProperties("sms.receipts")
public record ReceiptProperties(
        @Nullable String queueUrl,
        @Nullable URI endpointUrl,
        @DefaultValue("ap-northeast-1") @NotBlank String region,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        @DefaultValue("72h") @NotNull Duration finalAfter,
        @DefaultValue("5m") @NotNull Duration sweepInterval,
        @DefaultValue("2") @Min(1) int consumers,
        @DefaultValue("20s") @NotNull Duration waitTime,
        @DefaultValue("5s") @NotNull Duration retryDelay) {

    boolean hasQueue() {
        return queueUrl != null && !queueUrl.isBlank();
    }
}
