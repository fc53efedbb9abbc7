package dev.hato.sms.dispatch;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param endpointUrl override for LocalStack (http://localstack:4566) or a test double; empty for AWS
 * @param region AWS region of the SNS endpoint
 * @param smsType Transactional (default) or Promotional
 * @param senderId optional alphanumeric sender id
 * @param originationNumber optional origination number (E.164)
 * @param accessKeyId static credentials (LocalStack: test/test); empty uses the AWS default chain
 * @param secretAccessKey the secret of the access key id
 * @param timeout whole-call timeout of one publish
 */
@Validated
@ConfigurationProperties("sms.sns")
public record SnsProperties(
        @Nullable URI endpointUrl,
        @DefaultValue("ap-northeast-1") @NotBlank String region,
        @DefaultValue("Transactional") @NotBlank String smsType,
        @Nullable String senderId,
        @Nullable String originationNumber,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        @DefaultValue("10s") Duration timeout) {}
