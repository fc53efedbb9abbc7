package dev.hato.sms.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One command, one report: starts the service on the embedded database (unless -Dhost names one),
 * runs the Gatling scenario with the SLO gates, samples the server meanwhile, and writes the verdict
 * under target/capacity/. With -DfindCapacity=true it steps the arrival rate up until an SLO breaks.
 * Exits non-zero when an SLO is missed.
 */
public final class CapacityRun {

    private CapacityRun() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("gatling.data.enableAnalytics", "false");
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Path out = Path.of(System.getProperty("outputDir", "target/capacity")).toAbsolutePath();
        // A report left by an earlier run (a stale PASS on top) must never be read as this run's.
        ServiceUnderTest.deleteRecursively(out);
        Files.createDirectories(out);
        ServiceUnderTest service = settings.host() == null ? ServiceUnderTest.start(out) : null;
        int exit;
        try {
            LoadSettings target = service == null ? settings : settings.withHost(service.baseUrl());
            long pid = service == null ? -1 : service.pid();
            exit = Boolean.parseBoolean(LoadSettings.knob("findCapacity", "false"))
                    ? FindCapacity.run(target, pid, out)
                    : single(target, pid, out);
        } finally {
            if (service != null) {
                service.close();
            }
        }
        System.exit(exit);
    }

    static int single(LoadSettings settings, long servicePid, Path out) throws Exception {
        RunResult result = run(settings, servicePid, out, "gatling");
        System.out.println();
        System.out.println("capacity: " + result.verdictLine());
        System.out.println("capacity: first resource to saturate: "
                + result.saturation().resource() + " (" + result.saturation().evidence() + ")");
        System.out.println("capacity: report in " + out.resolve("report.html"));
        return result.passed() ? 0 : 1;
    }

    /** Runs the scenario once and writes its report into {@code out}. */
    static RunResult run(LoadSettings settings, long servicePid, Path out, String gatlingFolder) throws Exception {
        settings.publish();
        Recorder.reset();
        Files.createDirectories(out);
        System.out.printf(
                "capacity: %s model, %s, target %,.0f SMS/hour, p95 < %.0f ms, p99 < %.0f ms, errors < %.1f %% against %s%n",
                settings.model(),
                settings.open()
                        ? String.format("%.2f flows/s", settings.flowsPerSecond())
                        : settings.users() + " users spawning " + settings.spawnRate() + "/s",
                settings.targetSmsPerHour(),
                settings.p95Ms(),
                settings.p99Ms(),
                settings.maxErrorRate() * 100,
                settings.host());
        ServerSampler sampler = new ServerSampler(settings, servicePid);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(
                () -> System.out.println("progress: " + Recorder.progress(5)), 5, 5, TimeUnit.SECONDS);
        int gatlingExit;
        try {
            gatlingExit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "-s", SmsFlowSimulation.class.getName(),
                "-rf", out.resolve(gatlingFolder).toString(),
                "-rd", "SMS capacity " + settings.model() + " " + settings.targetSmsPerHour() + " SMS/h"
            });
        } finally {
            progress.shutdownNow();
            sampler.close();
        }
        double window = settings.runTime().toMillis() / 1000.0;
        RunResult result = new RunResult(
                settings,
                window,
                Recorder.stats(window),
                Recorder.seconds(),
                sampler.samples(),
                Recorder.successfulSends(),
                gatlingExit,
                Saturation.first(sampler.samples(), Recorder.seconds(), settings));
        ReportWriter.write(out, result, sampler.lastSummary());
        return result;
    }
}
