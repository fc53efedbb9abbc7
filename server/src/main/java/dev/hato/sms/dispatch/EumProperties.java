package dev.hato.sms.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * AWS End User Messaging SMS ({@code sms.provider=eum}).
 *
 * @param endpointUrl override for a test double; empty for AWS (https://sms-voice.{region}.amazonaws.com)
 * @param region AWS region of the End User Messaging endpoint
 * @param configurationSet the configuration set whose event destination reports every message (required)
 * @param originationIdentity optional phone number, sender id or pool (id or ARN) to send from
 * @param accessKeyId static credentials; empty uses the AWS default chain
 * @param secretAccessKey the secret of the access key id
 * @param timeToLive how long AWS and the carriers keep trying to deliver one message (5 s to 72 h)
 * @param maxPrice optional most USD one message's parts may cost; a dearer message is refused
 * @param timeout whole-call timeout of one SendTextMessage
 */
@Validated
@ConfigurationProperties("sms.eum")
public record EumProperties(
        @Nullable URI endpointUrl,
        @DefaultValue("ap-northeast-1") @NotBlank String region,
        @Nullable String configurationSet,
        @Nullable String originationIdentity,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        @DefaultValue("72h") @NotNull Duration timeToLive,
        @Nullable String maxPrice,
        @DefaultValue("10s") @NotNull Duration timeout) {

    /** The endpoint to call: the override, or AWS's for the region. */
    URI endpoint() {
        return endpointUrl != null ? endpointUrl : URI.create("https://sms-voice." + region + ".amazonaws.com/");
    }
}
