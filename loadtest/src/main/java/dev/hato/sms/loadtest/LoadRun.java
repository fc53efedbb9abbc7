package dev.hato.sms.loadtest;

import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.load.Recorder;
import dev.hato.sms.loadtest.load.SmsFlowSimulation;
import dev.hato.sms.loadtest.measure.ClusterFigures;
import dev.hato.sms.loadtest.measure.RunResult;
import dev.hato.sms.loadtest.measure.Saturation;
import dev.hato.sms.loadtest.measure.ServerSampler;
import dev.hato.sms.loadtest.process.Cluster;
import dev.hato.sms.loadtest.process.Deployment;
import dev.hato.sms.loadtest.process.Disruption;
import dev.hato.sms.loadtest.report.ReportWriter;
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
 * One run of the scenario against a deployment: the Gatling simulation with the run's settings and
 * its own recorder, the server sampled meanwhile, the disruption (cluster mode) beside it, and the
 * report written into the output folder. A capacity run is one of these; find-capacity is a series.
 */
final class LoadRun {

    private LoadRun() {}

    /** Runs the scenario once and writes its report into {@code out}. */
    static RunResult run(RunConfig config, Deployment deployment, Path out, String gatlingFolder) throws Exception {
        LoadSettings settings = config.load();
        Recorder recorder = new Recorder();
        SmsFlowSimulation.prepare(
                new SmsFlowSimulation.Run(settings, recorder, config.peer().equals("django")));
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
        ServerSampler sampler = new ServerSampler(settings, deployment, recorder);
        Map<String, long[]> servedBefore = deployment instanceof Cluster c0 ? c0.served() : Map.of();
        Disruption disruption = null;
        Thread disrupting = null;
        Cluster.Delivery deliveryBefore = null;
        if (deployment instanceof Cluster cluster) {
            deliveryBefore = cluster.settle(Duration.ofSeconds(30));
            disruption = new Disruption(config.disrupt(), cluster, config.disruptAfter());
            disrupting = new Thread(disruption, "disruption");
            disrupting.start();
        }
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(
                () -> System.out.println("progress: " + recorder.progress(5)), 5, 5, TimeUnit.SECONDS);
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
            Cluster.Delivery delivery = c.settle(config.settleTimeout());
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
                recorder.stats(window),
                recorder.seconds(),
                sampler.samples(),
                recorder.successfulSends(),
                gatlingExit,
                Saturation.first(sampler.samples(), recorder.seconds(), settings),
                cluster);
        ReportWriter.write(out, result, sampler.lastSummary(), config);
        return result;
    }
}
