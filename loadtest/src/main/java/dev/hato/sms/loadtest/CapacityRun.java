package dev.hato.sms.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Path out = freshOutputFolder(Path.of(System.getProperty("outputDir", "target/capacity")));
        int instances = Integer.parseInt(LoadSettings.knob("instances", "1"));
        Deployment deployment = settings.host() != null
                ? Deployment.external(settings.host())
                : instances > 1 ? Cluster.start(instances, out.resolve("cluster")) : ServiceUnderTest.start(out);
        int exit;
        try {
            LoadSettings target = settings.withHost(deployment.baseUrl());
            exit = Boolean.parseBoolean(LoadSettings.knob("findCapacity", "false"))
                    ? FindCapacity.run(target, deployment, out)
                    : single(target, deployment, out);
        } finally {
            deployment.close();
        }
        System.exit(exit);
    }

    /**
     * Empties (or creates) the run's output folder: a report left by an earlier run (a stale PASS on
     * top) must never be read as this run's.
     */
    static Path freshOutputFolder(Path folder) throws IOException {
        Path out = folder.toAbsolutePath();
        ServiceUnderTest.deleteRecursively(out);
        return Files.createDirectories(out);
    }

    static int single(LoadSettings settings, Deployment deployment, Path out) throws Exception {
        RunResult result = run(settings, deployment, out, "gatling");
        System.out.println();
        System.out.println("capacity: " + result.verdictLine());
        System.out.println("capacity: first resource to saturate: "
                + result.saturation().resource() + " (" + result.saturation().evidence() + ")");
        System.out.println("capacity: report in " + out.resolve("report.html"));
        return result.passed() ? 0 : 1;
    }

    /** Runs the scenario once and writes its report into {@code out}. */
    static RunResult run(LoadSettings settings, Deployment deployment, Path out, String gatlingFolder)
            throws Exception {
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
        ServerSampler sampler = new ServerSampler(settings, deployment);
        Map<String, long[]> servedBefore = deployment instanceof Cluster c0 ? c0.served() : Map.of();
        Disruption disruption = null;
        Thread disrupting = null;
        Cluster.Delivery deliveryBefore = null;
        if (deployment instanceof Cluster cluster) {
            deliveryBefore = cluster.settle(Duration.ofSeconds(30));
            disruption = new Disruption(
                    Disruption.Kind.of(LoadSettings.knob("disrupt", "none")),
                    cluster,
                    LoadSettings.duration(LoadSettings.knob("disruptAfter", "10s")));
            disrupting = new Thread(disruption, "disruption");
            disrupting.start();
        }
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
            if (disrupting != null) {
                disrupting.join(Duration.ofMinutes(5).toMillis());
            }
            sampler.close();
        }
        ClusterFigures cluster = null;
        if (deployment instanceof Cluster c) {
            Cluster.Delivery delivery = c.settle(LoadSettings.duration(LoadSettings.knob("settleTimeout", "90s")));
            Map<String, Double> cores = sampler.coresPerInstance();
            List<ClusterFigures.Instance> rows = new ArrayList<>();
            c.served().forEach((name, after) -> {
                long[] before = servedBefore.getOrDefault(name, new long[2]);
                rows.add(new ClusterFigures.Instance(
                        name, after[0] - before[0], after[1] - before[1], cores.getOrDefault(name, 0.0)));
            });
            cluster = new ClusterFigures(disruption.kind(), disruption.events(), rows, delivery.since(deliveryBefore));
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
                Saturation.first(sampler.samples(), Recorder.seconds(), settings),
                cluster);
        ReportWriter.write(out, result, sampler.lastSummary());
        return result;
    }
}
