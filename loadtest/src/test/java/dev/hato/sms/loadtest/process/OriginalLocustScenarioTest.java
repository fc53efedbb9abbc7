package dev.hato.sms.loadtest.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.loadtest.config.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Django system's own Locust script (../shared/peer/drf-reference/locustfile_max.py, unmodified: one
 * admin, one destination number, no think time), 10 users against README's start command: the
 * abuse guards leave the sandbox provider free, so it passes with 0 failures. Needs Debian's
 * python3-locust (.ci/run installs it); without it, or without the file, the test is skipped and says so.
 */
class OriginalLocustScenarioTest {

    static final Path SCRIPT = Path.of("../../shared/peer/drf-reference/locustfile_max.py");

    @Test
    void theOriginalLocustScenarioPassesAgainstTheDefaultStartCommand() throws Exception {
        Path locust = Path.of("/usr/bin/locust");
        Assumptions.assumeTrue(Files.isExecutable(locust), "Debian's python3-locust is not installed: skipped");
        Assumptions.assumeTrue(Files.isRegularFile(SCRIPT), SCRIPT + " is not there: skipped");
        Path out = Path.of("target", "original-locust").toAbsolutePath();
        Files.createDirectories(out);
        try (ServiceUnderTest service = ServiceUnderTest.startWithDefaults(RunConfig.defaults(), out)) {
            Process run = new ProcessBuilder(List.of(
                            "/usr/bin/python3",
                            locust.toString(),
                            "-f",
                            SCRIPT.toAbsolutePath().normalize().toString(),
                            "--headless",
                            "--users",
                            "10",
                            "--spawn-rate",
                            "2",
                            "--run-time",
                            "20s",
                            "--host",
                            service.baseUrl(),
                            "--csv",
                            out.resolve("locust").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("locust.log").toFile())
                    .start();
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            List<String> stats = Files.readAllLines(out.resolve("locust_stats.csv"));
            String aggregated = stats.stream()
                    .filter(line -> line.contains("Aggregated"))
                    .findFirst()
                    .orElseThrow();
            String[] columns = aggregated.split(",");
            long requests = Long.parseLong(columns[2]);
            long failures = Long.parseLong(columns[3]);
            System.out.println("original locust scenario, 10 users, 20 s: " + requests + " requests, " + failures
                    + " failures (exit " + run.exitValue() + ")");
            assertThat(requests).isGreaterThan(100);
            assertThat(failures).isZero();
            assertThat(run.exitValue()).isZero();
        }
    }
}
