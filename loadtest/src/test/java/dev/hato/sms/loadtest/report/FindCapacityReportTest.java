package dev.hato.sms.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.loadtest.measure.CpuSplit;
import dev.hato.sms.loadtest.measure.Saturation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindCapacityReportTest {

    @TempDir
    Path dir;

    @Test
    void showsTheKneeTheSizingFromTheLastStepThatHeldAndLinksEveryStep() throws Exception {
        var held = new FindCapacityReport.Step(
                1,
                360_000,
                360_000,
                3,
                9,
                20,
                0,
                0,
                true,
                new Saturation.Finding("none", -1, "-"),
                new CpuSplit(0.3, 0.5, 0.25, 0.02),
                "step-01");
        var broke = new FindCapacityReport.Step(
                2,
                432_000,
                400_000,
                40,
                700,
                900,
                0.01,
                3,
                false,
                new Saturation.Finding("CPU", 12, "1.9 of 2 cores"),
                new CpuSplit(0.3, 0.9, 0.4, 0.1),
                "step-02");
        Path report = dir.resolve("report.html");

        FindCapacityReport.write(report, "PASS", 100_000, List.of(held, broke), "JDK 25");

        String html = Files.readString(report);
        // 360,000 SMS/h = 100 SMS/s; 0.5 cores = 500 ms/s: 5 ms per SMS; PostgreSQL 2.5 ms.
        assertThat(held.cpu().perSms(held.measured())).isEqualTo(new CpuSplit.PerSms(5.0, 2.5));
        assertThat(html)
                .contains("held 360,000 SMS/hour")
                .contains("Broke at 432,000 SMS/hour offered")
                .contains("<b>CPU (1.9 of 2 cores)</b>")
                .contains("5.00 ms and PostgreSQL 2.50 ms of CPU per SMS")
                .contains("1.4 vCPU for the service")
                .contains("href=\"step-01/report.html\"")
                .contains("href=\"step-02/report.html\"")
                .contains("<svg");
    }
}
