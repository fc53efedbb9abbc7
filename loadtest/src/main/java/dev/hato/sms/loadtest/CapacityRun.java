package dev.hato.sms.loadtest;

import dev.hato.sms.loadtest.config.CommandLineConfig;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.measure.RunResult;
import dev.hato.sms.loadtest.process.Cluster;
import dev.hato.sms.loadtest.process.Deployment;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import dev.hato.sms.loadtest.report.OutputFolder;
import java.nio.file.Path;

/**
 * One command, one report: starts the service on the embedded database (unless -Dhost names one),
 * runs the Gatling scenario with the SLO gates, samples the server meanwhile, and writes the verdict
 * under target/capacity/. With -DfindCapacity=true it steps the arrival rate up until an SLO breaks.
 * Exits non-zero when an SLO is missed, and with 2 (saying why, no stack trace) for a bad setting.
 */
public final class CapacityRun {

    private CapacityRun() {}

    public static void main(String[] args) throws Exception {
        RunConfig config = CommandLineConfig.readOrExit();
        Path out = OutputFolder.fresh(config.outputDir());
        Deployment deployment = config.load().host() != null
                ? Deployment.external(config.load().host(), config.serviceProcess())
                : config.instances() > 1
                        ? Cluster.start(config, config.instances(), out.resolve("cluster"))
                        : ServiceUnderTest.start(config, out);
        int exit;
        try {
            RunConfig target = config.withLoad(config.load().withHost(deployment.baseUrl()));
            exit = config.findCapacity() ? FindCapacity.run(target, deployment, out) : single(target, deployment, out);
        } finally {
            deployment.close();
        }
        System.exit(exit);
    }

    static int single(RunConfig config, Deployment deployment, Path out) throws Exception {
        RunResult result = LoadRun.run(config, deployment, out, "gatling");
        System.out.println();
        System.out.println("capacity: " + result.verdictLine());
        System.out.println("capacity: first resource to saturate: "
                + result.saturation().resource() + " (" + result.saturation().evidence() + ")");
        System.out.println("capacity: report in " + out.resolve("report.html"));
        return result.passed() ? 0 : 1;
    }
}
