package dev.hato.sms.loadtest;

import dev.hato.sms.loadtest.config.LoadSettings;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.measure.Environment;
import dev.hato.sms.loadtest.measure.RunResult;
import dev.hato.sms.loadtest.process.Deployment;
import dev.hato.sms.loadtest.report.FindCapacityReport;
import dev.hato.sms.loadtest.report.ReportWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps the open-model arrival rate up (x stepFactor per step, stepDuration each) until an SLO
 * breaks, and reports the highest rate that held: the headroom, not only pass or fail.
 */
final class FindCapacity {

    private FindCapacity() {}

    static int run(RunConfig config, Deployment deployment, Path out) throws Exception {
        double factor = config.stepFactor();
        int maxSteps = config.maxSteps();
        LoadSettings settings = config.load().withModel("open").withRunTime(config.stepDuration());
        double rate = config.startSmsPerHour();
        Duration warmup = config.warmup();
        if (!warmup.isZero()) {
            // JIT compilation and cold caches would otherwise count against the first step.
            System.out.println("find-capacity: warming up for " + warmup.toSeconds() + " s (not counted)");
            LoadRun.run(
                    config.withLoad(settings.withTarget(rate).withRunTime(warmup)),
                    deployment,
                    out.resolve("warmup"),
                    "gatling");
        }
        List<FindCapacityReport.Step> steps = new ArrayList<>();
        RunResult lastPassing = null;
        RunResult breaking = null;
        for (int step = 1; step <= maxSteps; step++) {
            Path dir = out.resolve(String.format("step-%02d", step));
            RunResult result = LoadRun.run(config.withLoad(settings.withTarget(rate)), deployment, dir, "gatling");
            steps.add(FindCapacityReport.Step.of(
                    step, rate, result, dir.getFileName().toString()));
            System.out.println("find-capacity: step " + step + ": " + result.verdictLine());
            if (!result.passed()) {
                breaking = result;
                break;
            }
            lastPassing = result;
            rate *= factor;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mode", "find-capacity");
        summary.put(
                "verdict",
                lastPassing != null
                                && lastPassing.settings().targetSmsPerHour()
                                        >= config.load().targetSmsPerHour()
                        ? "PASS"
                        : "FAIL");
        summary.put("highest_sustained_sms_per_hour", lastPassing == null ? 0 : Math.round(lastPassing.smsPerHour()));
        summary.put(
                "highest_offered_sms_per_hour_that_held",
                lastPassing == null ? 0 : Math.round(lastPassing.settings().targetSmsPerHour()));
        summary.put("target_sms_per_hour", config.load().targetSmsPerHour());
        summary.put(
                "headroom_factor",
                lastPassing == null
                        ? 0
                        : lastPassing.smsPerHour() / config.load().targetSmsPerHour());
        summary.put(
                "broke_at",
                breaking == null
                        ? null
                        : Map.of(
                                "offered_sms_per_hour",
                                Math.round(breaking.settings().targetSmsPerHour()),
                                "why",
                                breaking.verdictLine(),
                                "first_saturated",
                                breaking.saturation()));
        summary.put("steps", steps);
        summary.put("environment", Environment.describe(config));
        ReportWriter.writeJson(out.resolve("find-capacity.json"), summary);
        FindCapacityReport.write(
                out.resolve("report.html"),
                (String) summary.get("verdict"),
                config.load().targetSmsPerHour(),
                steps,
                String.valueOf(summary.get("environment")));
        System.out.printf(
                "find-capacity: highest sustained %,d SMS/hour (target %,.0f); report in %s%n",
                summary.get("highest_sustained_sms_per_hour"),
                config.load().targetSmsPerHour(),
                out.resolve("report.html"));
        return "PASS".equals(summary.get("verdict")) ? 0 : 1;
    }
}
