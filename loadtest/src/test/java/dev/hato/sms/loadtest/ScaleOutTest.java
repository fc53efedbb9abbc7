package dev.hato.sms.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.measure.RunResult;
import dev.hato.sms.loadtest.process.Cluster;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Three instances on Debian's PostgreSQL behind Debian's HAProxy, publishing to moto's SNS stand-in,
 * under the capacity scenario's open-model load: a rolling restart (0 failed requests), a SIGKILL of
 * one instance (only its in-flight requests fail), and a PostgreSQL fast restart. Every accepted
 * message is counted at the stand-in. The same runs are one command each with -Dinstances=3
 * -Ddisrupt=... (docs/reliability.md).
 */
class ScaleOutTest {

    static final double RATE = 18_000; // SMS/hour: what 2 shared cores hold with 3 JVMs restarting in turn
    static final Path OUT = Path.of("target", "scale-out").toAbsolutePath();

    private final List<String> figures = new ArrayList<>();

    @Test
    void threeInstancesKeepServingThroughARollingRestartAKillAndAPostgresRestart() throws Exception {
        ServiceUnderTest.deleteRecursively(OUT);
        Files.createDirectories(OUT);
        try (Cluster cluster = Cluster.start(RunConfig.defaults(), 3, OUT.resolve("cluster"))) {
            RunResult rolling = run(cluster, "rolling-restart", Duration.ofSeconds(75), 0);
            assertThat(rolling.cluster().events()).anyMatch(e -> e.contains("instance-3 started again"));
            assertThat(rolling.aggregate().failures()).as("failed requests").isZero();
            assertNothingLostOrDuplicated(rolling);
            assertThat(rolling.cluster().instances())
                    .allSatisfy(i -> assertThat(i.requests()).isPositive());

            RunResult killed = run(cluster, "kill", Duration.ofSeconds(35), 0.05);
            Cluster.Delivery afterKill = killed.cluster().delivery();
            assertThat(afterKill.open()).isZero();
            assertThat(afterKill.lost()).as("accepted and never published").isZero();
            // The two others carried the load: the rate still held after the kill.
            assertThat(killed.smsPerHour()).isGreaterThan(RATE * 0.9);
            assertThat(killed.aggregate().failures())
                    .as("failed requests: at most those in flight on the killed instance")
                    .isLessThan(20);

            cluster.instances().get(0).launch();
            RunResult restarted = run(cluster, "postgres-restart", Duration.ofSeconds(35), 0.05);
            assertThat(restarted.cluster().events()).anyMatch(e -> e.contains("accepting connections again"));
            assertNothingLostOrDuplicated(restarted);
        } finally {
            Files.writeString(OUT.resolve("figures.txt"), String.join("\n", figures) + "\n");
            figures.forEach(System.out::println);
        }
    }

    private static void assertNothingLostOrDuplicated(RunResult result) {
        Cluster.Delivery d = result.cluster().delivery();
        assertThat(d.open()).as("still open").isZero();
        assertThat(d.lost()).as("accepted and never published").isZero();
        assertThat(d.duplicates()).as("published twice").isZero();
        assertThat(d.published()).isEqualTo(d.sent());
    }

    private RunResult run(Cluster cluster, String disrupt, Duration runTime, double maxErrorRate) throws Exception {
        Properties p = new Properties();
        p.setProperty("disrupt", disrupt);
        p.setProperty("disruptAfter", "8s");
        p.setProperty("model", "open");
        p.setProperty("targetSmsPerHour", Double.toString(RATE));
        p.setProperty("runTime", runTime.toSeconds() + "s");
        p.setProperty("host", cluster.baseUrl());
        // Latency is not what this test is about: a restarting JVM on 2 shared cores slows every answer.
        p.setProperty("p95Ms", "10000");
        p.setProperty("p99Ms", "20000");
        p.setProperty("maxErrorRate", Double.toString(maxErrorRate));
        RunResult result = LoadRun.run(RunConfig.from(p), cluster, OUT.resolve(disrupt), "gatling");
        Cluster.Delivery d = result.cluster().delivery();
        figures.add(String.format(
                Locale.ROOT,
                "%s: %,d requests, %,d failed; %,.0f SMS/hour at p95 %d ms; %,d accepted, %,d sent, %,d published,"
                        + " %,d lost, %,d duplicates; per instance %s; events %s",
                disrupt,
                result.aggregate().requests(),
                result.aggregate().failures(),
                result.smsPerHour(),
                result.aggregate().p95Ms(),
                d.accepted(),
                d.sent(),
                d.published(),
                d.lost(),
                d.duplicates(),
                result.cluster().instances(),
                result.cluster().events()));
        return result;
    }
}
