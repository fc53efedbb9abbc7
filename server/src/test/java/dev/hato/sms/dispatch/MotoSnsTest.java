package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.support.ApiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real AWS SDK publishing to moto's server, an AWS emulator (not a stub we wrote): N accepted
 * messages appear exactly N times in its SMS log. Without moto_server on the machine the test is
 * skipped and says so.
 */
class MotoSnsTest {

    @Test
    void everyAcceptedMessageAppearsExactlyOnceInMotosSmsLog() throws Exception {
        Optional<Path> moto = motoServer();
        Assumptions.assumeTrue(moto.isPresent(), "moto_server is not installed on this machine: test skipped");
        int port = freePort();
        Process server = new ProcessBuilder(moto.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "moto_server.log").toFile())
                .start();
        try (OutboxDatabase db = new OutboxDatabase("dispatch_moto")) {
            awaitPort(port, Duration.ofSeconds(30));
            SnsSmsProvider provider = new SnsSmsProvider(new SnsProperties(
                    URI.create("http://127.0.0.1:" + port),
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
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/moto-api/data.json"))
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
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
        }
    }

    static Optional<Path> motoServer() {
        Stream<String> dirs = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of(System.getProperty("user.home") + "/.pyenv/shims", "/usr/local/bin", "/usr/bin"));
        return dirs.filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "moto_server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void awaitPort(int port, Duration timeout) throws InterruptedException {
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    try (Socket ignored = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
