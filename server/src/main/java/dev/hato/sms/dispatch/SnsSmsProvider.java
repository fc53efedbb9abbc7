package dev.hato.sms.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;

/** AWS SNS (or LocalStack): one {@code Publish} per message, straight to the phone number. */
public class SnsSmsProvider implements SmsProvider, AutoCloseable {

    /** Errors that say nothing about the message and everything about this service's access to SNS. */
    static final Set<String> CREDENTIAL_ERRORS = AwsAccess.CREDENTIAL_ERRORS;

    private final SnsClient client;
    private final Map<String, MessageAttributeValue> attributes;

    public SnsSmsProvider(SnsProperties properties) {
        SnsClientBuilder builder = SnsClient.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(AwsAccess.credentials(properties.accessKeyId(), properties.secretAccessKey()))
                // The dispatcher retries with its own backoff and records every attempt; the SDK must not hide any.
                .overrideConfiguration(
                        c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(properties.timeout()));
        if (properties.endpointUrl() != null) {
            builder.endpointOverride(properties.endpointUrl());
        }
        this.client = builder.build();
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("AWS.SNS.SMS.SMSType", text(properties.smsType()));
        if (AwsAccess.hasText(properties.senderId())) {
            attributes.put("AWS.SNS.SMS.SenderID", text(properties.senderId()));
        }
        if (AwsAccess.hasText(properties.originationNumber())) {
            attributes.put("AWS.MM.SMS.OriginationNumber", text(properties.originationNumber()));
        }
        this.attributes = Map.copyOf(attributes);
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public Outcome publish(OutboundSms sms) {
        try {
            String id = client.publish(PublishRequest.builder()
                            .phoneNumber(sms.phoneNumberE164())
                            .message(sms.body())
                            .messageAttributes(attributes)
                            .build())
                    .messageId();
            return new Outcome.Sent(id);
        } catch (SnsException e) {
            String code = e.awsErrorDetails() == null
                    ? "HTTP" + e.statusCode()
                    : e.awsErrorDetails().errorCode();
            String detail = e.awsErrorDetails() == null
                    ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            if (CREDENTIAL_ERRORS.contains(code)) {
                return new Outcome.Outage(code, detail);
            }
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                return new Outcome.Transient(code, detail);
            }
            return new Outcome.Permanent(code, detail);
        } catch (SdkClientException e) {
            if (String.valueOf(e.getMessage()).contains("credentials")) {
                return new Outcome.Outage("CredentialsUnavailable", e.getMessage());
            }
            return new Outcome.Transient("NetworkError", e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
