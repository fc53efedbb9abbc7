package dev.hato.sms.dispatch;

import static dev.hato.sms.dispatch.SnsWireMock.ok;
import static dev.hato.sms.dispatch.SnsWireMock.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.SmsApplication;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: the service runs in its own JVM, publishing to WireMock-as-SNS, and is killed with
 * SIGKILL mid-batch. A fresh dispatcher then finishes the work after the lease expires.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void killedDispatcherLosesNothingAndDuplicatesOnlyWhatWasInFlight() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("dispatch_crash");
                SnsWireMock sns = new SnsWireMock()) {
            // 100 ms per call so that, at any moment, several publishes are in flight.
            sns.server.stubFor(publish().willReturn(ok().withFixedDelay(100)));
            db.queue(400);

            Process child = startService(db.url, sns, dir.resolve("child.log").toFile());
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> sns.publishes().size() >= 100 || !child.isAlive());
            assertThat(child.isAlive())
                    .as("service still running before the kill")
                    .isTrue();
            child.destroyForcibly().waitFor();
            // WireMock writes a request into its journal when it has answered it, 100 ms later: until the
            // journal stops growing, publishes that reached it before the kill may be missing from it.
            AtomicInteger journal = new AtomicInteger(-1);
            await().atMost(Duration.ofSeconds(10))
                    .during(Duration.ofMillis(400))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        int size = sns.publishes().size();
                        return journal.getAndSet(size) == size;
                    });

            Set<String> receivedBeforeKill = bodies(sns);
            Set<String> unfinishedAtKill = Set.copyOf(db.jdbc
                    .sql("select body from messages where status = 'sending'")
                    .query(String.class)
                    .list());
            Set<String> inFlightAtKill = unfinishedAtKill.stream()
                    .filter(receivedBeforeKill::contains)
                    .collect(Collectors.toSet());

            SnsSmsProvider provider = new SnsSmsProvider(sns.properties());
            Dispatcher restarted = db.dispatcher(
                    provider, OutboxDatabase.properties(200, 5, Duration.ofMillis(50), Duration.ofSeconds(2)));
            restarted.start();
            try {
                db.awaitSettled(Duration.ofSeconds(60));
            } finally {
                restarted.stop();
                provider.close();
            }

            Map<String, Integer> publishCounts = new HashMap<>();
            for (var request : sns.publishes()) {
                publishCounts.merge(SnsWireMock.form(request).get("Message"), 1, Integer::sum);
            }
            Set<String> duplicated = publishCounts.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            System.out.printf(
                    "crash recovery: %d published before the kill, %d in flight at the kill, %d duplicated%n",
                    receivedBeforeKill.size(), inFlightAtKill.size(), duplicated.size());

            assertThat(db.statusCounts()).containsExactly(Map.entry("sent", 400L));
            assertThat(publishCounts).hasSize(400);
            assertThat(inFlightAtKill).containsAll(duplicated);
        }
    }

    private static Process startService(String url, SnsWireMock sns, File log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                java,
                // It lives for seconds, on cores the test JVM shares: C1 alone and the serial collector
                // start it sooner and leave more of them to the rest.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                SmsApplication.class.getName(),
                "--server.port=0",
                "--sms.security.allowed-hosts=localhost,127.0.0.1",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--sms.demo.enabled=false",
                "--sms.provider=sns",
                "--sms.sns.endpoint-url=" + sns.endpoint(),
                "--sms.sns.access-key-id=test",
                "--sms.sns.secret-access-key=test",
                "--sms.dispatch.rate-per-second=200",
                "--sms.dispatch.lease-timeout=2s");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static Set<String> bodies(SnsWireMock sns) {
        return sns.publishes().stream()
                .map(r -> SnsWireMock.form(r).get("Message"))
                .collect(Collectors.toSet());
    }
}
