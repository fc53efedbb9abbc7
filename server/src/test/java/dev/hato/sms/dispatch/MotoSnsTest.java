package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.MotoServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real AWS SDK publishing to moto's server, an AWS emulator (not a stub we wrote): N accepted
 * messages appear exactly N times in its SMS log.
 */
class MotoSnsTest {

    @Test
    void everyAcceptedMessageAppearsExactlyOnceInMotosSmsLog() throws Exception {
        try (MotoServer moto = new MotoServer(Path.of("target", "moto_server.log"));
                OutboxDatabase db = new OutboxDatabase("dispatch_moto")) {
            SnsSmsProvider provider = new SnsSmsProvider(new SnsProperties(
                    moto.endpoint(),
                    "ap-northeast-1",
                    "Transactional",
                    null,
                    null,
                    "test",
                    "test",
                    Duration.ofSeconds(10)));
            int count = 50;
            db.queue(count);
            Dispatcher dispatcher = db.dispatcher(
                    provider, OutboxDatabase.properties(100, 3, Duration.ofMillis(50), Duration.ofSeconds(60)));
            dispatcher.start();
            try {
                db.awaitSettled(Duration.ofSeconds(60));
            } finally {
                dispatcher.stop();
                provider.close();
            }

            JsonNode data = ApiClient.JSON.readTree(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/data.json"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            List<String> bodies = new ArrayList<>();
            data.path("sns").path("SMS").forEach(sms -> {
                assertThat(sms.path("phone_number").asString()).isEqualTo("+819011112222");
                bodies.add(sms.path("message").asString());
            });
            Map<String, Long> perBody = bodies.stream().collect(Collectors.groupingBy(b -> b, Collectors.counting()));
            System.out.println("moto: " + count + " accepted, " + bodies.size() + " in its SMS log, "
                    + perBody.values().stream().filter(n -> n > 1).count() + " more than once");
            assertThat(db.statusCounts()).containsExactly(Map.entry("sent", (long) count));
            assertThat(bodies).hasSize(count);
            assertThat(perBody)
                    .hasSize(count)
                    .allSatisfy((body, n) -> assertThat(n).isOne());
            assertThat(db.jdbc
                            .sql("select count(distinct provider_message_id) from messages")
                            .query(Long.class)
                            .single())
                    .isEqualTo(count);
        }
    }
}
