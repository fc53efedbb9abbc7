package dev.hato.sms.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.load.Recorder;
import dev.hato.sms.loadtest.process.Deployment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sampler's figures of the service: a moment without them is a gap, never the end of them. */
class ServerSamplerTest {

    private final HttpServer server = server();
    private final AtomicInteger summaries = new AtomicInteger();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aMomentaryFailureLeavesAGapAndTheNextSamplesHaveTheFiguresAgain() throws Exception {
        server.createContext("/api/ops/summary", exchange -> {
            int n = summaries.incrementAndGet();
            if (n == 2 || n == 3) {
                answer(exchange, 503, "{\"type\":\"urn:sms:problem:unavailable\"}");
            } else {
                answer(exchange, 200, "{\"pool\":{\"active\":3,\"pending\":" + n + ",\"max\":20}}");
            }
        });
        server.start();

        List<ServerSampler.Sample> samples = sampleUntil(6);

        assertThat(samples.get(0).poolPending()).isEqualTo(1);
        assertThat(samples.get(1).poolPending()).isNaN();
        assertThat(samples.get(2).poolPending()).isNaN();
        assertThat(samples.get(1).serviceCores()).isNotNaN();
        assertThat(samples.subList(3, samples.size()))
                .allSatisfy(s -> assertThat(s.poolPending()).isGreaterThan(3));
    }

    @Test
    void aServiceWithoutTheSummaryIsAskedOnceAndSampledForCpuOnly() throws Exception {
        server.createContext("/api/ops/summary", exchange -> {
            summaries.incrementAndGet();
            answer(exchange, 404, "{\"detail\":\"Not found.\"}");
        });
        server.start();

        List<ServerSampler.Sample> samples = sampleUntil(3);

        assertThat(summaries).hasValue(1);
        assertThat(samples).allSatisfy(s -> assertThat(s.poolPending()).isZero());
    }

    private List<ServerSampler.Sample> sampleUntil(int count) throws InterruptedException {
        Properties properties = new Properties();
        properties.setProperty("host", "http://127.0.0.1:" + server.getAddress().getPort());
        properties.setProperty("sampleInterval", "50ms");
        Deployment deployment = new Deployment() {
            @Override
            public String baseUrl() {
                return properties.getProperty("host");
            }

            @Override
            public Map<String, Long> pids() {
                return Map.of();
            }
        };
        try (ServerSampler sampler =
                new ServerSampler(RunConfig.from(properties).load(), deployment, new Recorder())) {
            await().atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(20))
                    .until(() -> sampler.samples().size() >= count);
            assertThat(sampler.samples()).hasSizeGreaterThanOrEqualTo(count);
            return sampler.samples();
        }
    }

    /** Answers the login like the service; anything else is 404 unless a test adds it. */
    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> answer(exchange, 404, "{}"));
            server.createContext("/api/auth/login", exchange -> {
                exchange.getResponseHeaders().add("Set-Cookie", "sessionid=s; Path=/");
                answer(exchange, 200, "{}");
            });
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
