package dev.hato.sms.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * WireMock standing in for AWS End User Messaging SMS: SendTextMessage as JSON 1.0 over HTTP, answered
 * with a fresh MessageId unless a test stubs an error (bodies as the API reference shows them).
 */
public final class EumStandIn implements AutoCloseable {

    public final WireMockServer server =
            new WireMockServer(options().dynamicPort().globalTemplating(true));

    public EumStandIn() {
        server.start();
        server.stubFor(sendTextMessage()
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"MessageId\":\"{{randomValue type='UUID'}}\"}")));
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.port() + "/");
    }

    public static MappingBuilder sendTextMessage() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("PinpointSMSVoiceV2.SendTextMessage"));
    }

    /** An error answer as the API gives it: {@code __type}, {@code Message} and, when given, {@code Reason}. */
    public static ResponseDefinitionBuilder error(int status, String type, String reason) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withHeader(
                        "x-amzn-ErrorType",
                        type + ":http://internal.amazon.com/coral/com.amazonaws.pinpointsmsvoicev2/")
                .withBody("{\"__type\":\"com.amazonaws.pinpointsmsvoicev2#" + type + "\",\"Message\":\"stand-in " + type
                        + "\"" + (reason == null ? "" : ",\"Reason\":\"" + reason + "\"") + "}");
    }

    public List<JsonNode> requests() {
        return server.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(ApiClient.JSON::readTree)
                .toList();
    }

    public List<LoggedRequest> loggedRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
