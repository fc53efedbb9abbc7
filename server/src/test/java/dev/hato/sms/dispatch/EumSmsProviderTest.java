package dev.hato.sms.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.EumStandIn;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The End User Messaging provider against its stand-in: the SendTextMessage it signs and sends, and how
 * each of the API's answers is classified (as the SNS provider classifies SNS's).
 */
class EumSmsProviderTest {

    static EumProperties properties(URI endpoint) {
        return new EumProperties(
                endpoint,
                "ap-northeast-1",
                "hato-receipts",
                "+81800000000",
                "test",
                "test",
                Duration.ofHours(2),
                "0.50",
                Duration.ofSeconds(5));
    }

    @Test
    void sendsOneSignedSendTextMessageWithTheMessageIdInItsContextAndKeepsTheReturnedId() {
        try (EumStandIn eum = new EumStandIn();
                EumSmsProvider provider = new EumSmsProvider(properties(eum.endpoint()))) {
            SmsProvider.Outcome outcome =
                    provider.publish(new SmsProvider.OutboundSms(42, "+819012345678", "こんにちは", 1));

            assertThat(outcome).isInstanceOf(SmsProvider.Outcome.Sent.class);
            assertThat(((SmsProvider.Outcome.Sent) outcome).providerMessageId()).hasSize(36);
            var logged = eum.loggedRequests();
            assertThat(logged).hasSize(1);
            assertThat(logged.get(0).getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.0");
            assertThat(logged.get(0).getHeader("Authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=test/")
                    .contains("/ap-northeast-1/sms-voice/aws4_request");
            JsonNode body = eum.requests().get(0);
            assertThat(body.path("DestinationPhoneNumber").asString()).isEqualTo("+819012345678");
            assertThat(body.path("MessageBody").asString()).isEqualTo("こんにちは");
            assertThat(body.path("MessageType").asString()).isEqualTo("TRANSACTIONAL");
            assertThat(body.path("ConfigurationSetName").asString()).isEqualTo("hato-receipts");
            assertThat(body.path("OriginationIdentity").asString()).isEqualTo("+81800000000");
            assertThat(body.path("MaxPrice").asString()).isEqualTo("0.50");
            assertThat(body.path("TimeToLive").asInt()).isEqualTo(7200);
            assertThat(body.path("Context").path("hato_message_id").asString()).isEqualTo("42");
            assertThat(provider.metersParts()).isTrue();
        }
    }

    @ParameterizedTest(name = "{1} ({0}, {2}) is {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "400, ThrottlingException, -, Transient",
                "500, InternalServerException, -, Transient",
                "503, ServiceUnavailable, -, Transient",
                "400, ValidationException, INVALID_PARAMETER, Permanent",
                "400, ValidationException, DESTINATION_COUNTRY_BLOCKED, Permanent",
                "400, ConflictException, DESTINATION_PHONE_NUMBER_OPTED_OUT, OptedOut",
                "400, ConflictException, DELETION_PROTECTION_ENABLED, Permanent",
                "403, AccessDeniedException, ACCOUNT_DISABLED, Outage",
                "400, UnrecognizedClientException, -, Outage",
                "403, InvalidSignatureException, -, Outage",
                "400, ExpiredTokenException, -, Outage",
                "404, ResourceNotFoundException, -, Outage",
                "402, ServiceQuotaExceededException, MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT, Outage",
            })
    void eachErrorOfTheApiIsClassified(int status, String type, String reason, String expected) {
        try (EumStandIn eum = new EumStandIn();
                EumSmsProvider provider = new EumSmsProvider(properties(eum.endpoint()))) {
            eum.server.stubFor(EumStandIn.sendTextMessage().willReturn(EumStandIn.error(status, type, reason)));

            SmsProvider.Outcome outcome = provider.publish(new SmsProvider.OutboundSms(1, "+819012345678", "x", 1));

            assertThat(kind(outcome)).isEqualTo(expected);
        }
    }

    @Test
    void anUnreachableEndpointOrAGarbledAnswerIsTransient() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (EumSmsProvider provider = new EumSmsProvider(properties(URI.create("http://127.0.0.1:" + closed + "/")))) {
            assertThat(kind(provider.publish(new SmsProvider.OutboundSms(1, "+819012345678", "x", 1))))
                    .isEqualTo("Transient");
        }
        try (EumStandIn eum = new EumStandIn();
                EumSmsProvider provider = new EumSmsProvider(properties(eum.endpoint()))) {
            eum.server.stubFor(EumStandIn.sendTextMessage()
                    .willReturn(aResponse().withStatus(502).withBody("<html>bad gateway")));
            assertThat(kind(provider.publish(new SmsProvider.OutboundSms(1, "+819012345678", "x", 1))))
                    .isEqualTo("Transient");
        }
    }

    private static String kind(SmsProvider.Outcome outcome) {
        if (outcome instanceof SmsProvider.Outcome.Permanent permanent) {
            return permanent.optedOut() ? "OptedOut" : "Permanent";
        }
        return outcome.getClass().getSimpleName();
    }
}
