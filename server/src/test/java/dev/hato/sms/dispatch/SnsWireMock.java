package dev.hato.sms.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** WireMock standing in for SNS: the real AWS SDK talks to it over HTTP with SigV4 and the Query protocol. */
final class SnsWireMock implements AutoCloseable {

    final WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true));

    SnsWireMock() {
        server.start();
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    SnsProperties properties() {
        return new SnsProperties(
                endpoint(), "ap-northeast-1", "Transactional", null, null, "test", "test", Duration.ofSeconds(5));
    }

    static MappingBuilder publish() {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"));
    }

    static ResponseDefinitionBuilder ok() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody("""
                        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <PublishResult><MessageId>{{randomValue type='UUID'}}</MessageId></PublishResult>
                          <ResponseMetadata><RequestId>{{randomValue type='UUID'}}</RequestId></ResponseMetadata>
                        </PublishResponse>""");
    }

    static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type
                        + "</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");
    }

    List<LoggedRequest> publishes() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=Publish")));
    }

    /** The form fields of one Query-protocol request. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
    }
}
