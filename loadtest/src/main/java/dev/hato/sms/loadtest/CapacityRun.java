package dev.hato.sms.loadtest;

import java.io.IOException;
import java.nio.file.Files;
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
        RunConfig config = configOrExit();
        Path out = freshOutputFolder(config.outputDir());
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

    /**
     * The run's configuration from -Dname=value, checked once; a bad value ends the command with exit
     * code 2, saying what is wrong and what is allowed (no stack trace).
     */
    static RunConfig configOrExit() {
        try {
            return RunConfig.fromSystemProperties();
        } catch (RunConfig.Invalid e) {
            System.err.println("capacity: cannot run with these settings:\n" + e.getMessage());
            System.exit(2);
            throw e;
        }
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
