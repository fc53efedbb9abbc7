package dev.hato.sms.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.loadtest.config.KnobReader;
import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.load.Recorder;
import dev.hato.sms.loadtest.report.ReportWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityMathTest {

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(Recorder.percentile(sorted, 50)).isEqualTo(5);
        assertThat(Recorder.percentile(sorted, 95)).isEqualTo(10);
        assertThat(Recorder.percentile(sorted, 99)).isEqualTo(10);
        assertThat(Recorder.percentile(new long[0], 95)).isZero();
    }

    @Test
    void durationsReadLikeLocusts() {
        assertThat(KnobReader.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(KnobReader.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(KnobReader.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(KnobReader.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(KnobReader.duration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> KnobReader.duration("3d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsReproduceTheOriginalPlan() {
        LoadSettings settings = RunConfig.from(new java.util.Properties()).load();

        assertThat(settings.users()).isEqualTo(10);
        assertThat(settings.spawnRate()).isEqualTo(2);
        assertThat(settings.targetSmsPerHour()).isEqualTo(1000);
        assertThat(settings.p95Ms()).isEqualTo(500);
        assertThat(settings.maxErrorRate()).isEqualTo(0.01);
    }

    @Test
    void openModelArrivalsProduceTheTargetSmsRate() {
        LoadSettings settings =
                RunConfig.from(new java.util.Properties()).load().withTarget(1_000_000);
        double smsPerSecond = settings.flowsPerSecond()
                * ((1 - settings.heavyShare()) + settings.heavyShare() * LoadSettings.HEAVY_SENDS);

        assertThat(smsPerSecond * 3600).isCloseTo(1_000_000, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aLimitCountsOnlyWhenItHoldsInTwoSamplesInARow() {
        ServerSampler.Sample calm = sample(0.2, 0);
        ServerSampler.Sample busy = sample(1.9, 0);
        ServerSampler.Sample waiting = sample(0.5, 3);
        LoadSettings settings = RunConfig.from(new java.util.Properties()).load();

        assertThat(Saturation.first(List.of(busy, calm, calm), List.of(), settings)
                        .resource())
                .isEqualTo("none");
        assertThat(Saturation.first(List.of(calm, busy, busy), List.of(), settings)
                        .resource())
                .isEqualTo("CPU");
        assertThat(Saturation.first(List.of(calm, waiting, waiting, busy, busy), List.of(), settings)
                        .resource())
                .isEqualTo("connection pool");
    }

    @Test
    void statsCsvUsesLocustColumnNames() {
        String csv = ReportWriter.csv(List.of(
                new Recorder.Stats("POST /api/sms/send", 10, 1, 2.0, 0.2, 12.5, 3, 10, 40, 50, 60),
                new Recorder.Stats("Aggregated", 10, 1, 2.0, 0.2, 12.5, 3, 10, 40, 50, 60)));

        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time");
        assertThat(csv)
                .contains("POST,/api/sms/send,10,1,10,12.50,3,60,2.00,0.20,10,40,50,60")
                .contains(",Aggregated,10,1");
    }

    private static ServerSampler.Sample sample(double serviceCores, double pending) {
        return new ServerSampler.Sample(
                1, 0.1, serviceCores, 0.1, 0, 100, 1000, 2, pending, 20, 10, 200, 0, 0, 0, 0, 5);
    }
}
