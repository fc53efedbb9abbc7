package dev.hato.sms.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS End User Messaging SMS ({@code pinpoint-sms-voice-v2}): one {@code SendTextMessage} per message,
 * as a JSON 1.0 call signed with the SDK's SigV4 signer and sent with its HTTP client. (The SDK's own
 * client for this API is not available in a version that runs beside the rest of the SDK here.) The
 * message's id travels in {@code Context}, so its delivery receipts name it.
 */
public final class EumSmsProvider implements SmsProvider, AutoCloseable {

    static final String TARGET = "PinpointSMSVoiceV2.SendTextMessage";
    /** The key of this service's message id in the message's Context, which its receipts carry back. */
    public static final String CONTEXT_KEY = "hato_message_id";

    /**
     * Errors that say nothing about the message and everything about this service's access or setup: the
     * credential errors every AWS API shares, and two of this API's own.
     */
    static final Set<String> OUTAGE_ERRORS = Stream.concat(
                    AwsAccess.CREDENTIAL_ERRORS.stream(),
                    Stream.of(
                            // The configuration set or origination identity does not exist: every message would fail.
                            "ResourceNotFoundException",
                            // Spend or MPS quota reached for the account: nothing goes out until it is raised.
                            "ServiceQuotaExceededException"))
            .collect(Collectors.toUnmodifiableSet());

    static final String OPTED_OUT = "DESTINATION_PHONE_NUMBER_OPTED_OUT";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EumProperties properties;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public EumSmsProvider(EumProperties properties) {
        if (properties.configurationSet() == null
                || properties.configurationSet().isBlank()) {
            throw new IllegalStateException("sms.provider=eum needs sms.eum.configuration-set: the configuration set"
                    + " whose event destination sends the delivery receipts");
        }
        long ttl = properties.timeToLive().toSeconds();
        if (ttl < 5 || ttl > 259_200) {
            throw new IllegalStateException("sms.eum.time-to-live must be 5s to 72h, was " + properties.timeToLive());
        }
        this.properties = properties;
        this.http = Apache5HttpClient.builder()
                .connectionTimeout(properties.timeout())
                .socketTimeout(properties.timeout())
                .maxConnections(64)
                .build();
        this.credentials = AwsAccess.credentials(properties.accessKeyId(), properties.secretAccessKey());
    }

    @Override
    public String name() {
        return "eum";
    }

    @Override
    public boolean metersParts() {
        return true;
    }

    @Override
    public Outcome publish(OutboundSms sms) {
        AwsCredentialsIdentity identity;
        try {
            identity = credentials.resolveCredentials();
        } catch (RuntimeException e) {
            return new Outcome.Outage("CredentialsUnavailable", e.getMessage());
        }
        byte[] body = JSON.writeValueAsBytes(request(sms));
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(properties.endpoint())
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", TARGET)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sms-voice")
                .putProperty(AwsV4HttpSigner.REGION_NAME, properties.region()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
            int status = response.httpResponse().statusCode();
            String text = read(response);
            return classify(
                    status,
                    text,
                    response.httpResponse()
                            .firstMatchingHeader("x-amzn-ErrorType")
                            .orElse(null));
        } catch (IOException | UncheckedIOException e) {
            return new Outcome.Transient("NetworkError", e.toString());
        }
    }

    private Map<String, Object> request(OutboundSms sms) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("DestinationPhoneNumber", sms.phoneNumberE164());
        request.put("MessageBody", sms.body());
        request.put("MessageType", "TRANSACTIONAL");
        request.put("ConfigurationSetName", properties.configurationSet());
        if (AwsAccess.hasText(properties.originationIdentity())) {
            request.put("OriginationIdentity", properties.originationIdentity());
        }
        if (AwsAccess.hasText(properties.maxPrice())) {
            request.put("MaxPrice", properties.maxPrice());
        }
        request.put("TimeToLive", properties.timeToLive().toSeconds());
        request.put("Context", Map.of(CONTEXT_KEY, Long.toString(sms.messageId())));
        return request;
    }

    /** An answer as an outcome: the API's error type ({@code __type}, else the header) decides. */
    static Outcome classify(int status, String body, String errorTypeHeader) {
        JsonNode json = parse(body);
        if (status >= 200 && status < 300) {
            String id = json.path("MessageId").asString("");
            return id.isEmpty()
                    ? new Outcome.Transient("NoMessageId", "answer " + status + " without a MessageId")
                    : new Outcome.Sent(id);
        }
        String type = json.path("__type").asString("");
        if (type.isEmpty() && errorTypeHeader != null) {
            type = errorTypeHeader;
        }
        // "com.amazonaws.pinpointsmsvoicev2#ThrottlingException" or "ThrottlingException:http://..."
        type = type.substring(type.indexOf('#') + 1);
        if (type.indexOf(':') >= 0) {
            type = type.substring(0, type.indexOf(':'));
        }
        String code = type.isEmpty() ? "HTTP" + status : type;
        String reason = json.path("Reason").asString("");
        String message = json.path("Message").asString(json.path("message").asString(""));
        String detail = reason.isEmpty() ? message : reason + ": " + message;
        if (OUTAGE_ERRORS.contains(code) || status == 401 || status == 403) {
            return new Outcome.Outage(code, detail);
        }
        if (code.equals("ThrottlingException")
                || code.equals("InternalServerException")
                || status >= 500
                || status == 429) {
            return new Outcome.Transient(code, detail);
        }
        if (code.equals("ConflictException") && reason.equals(OPTED_OUT)) {
            return new Outcome.Permanent(OPTED_OUT, detail, true);
        }
        return new Outcome.Permanent(reason.isEmpty() ? code : code + "." + reason, detail);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
