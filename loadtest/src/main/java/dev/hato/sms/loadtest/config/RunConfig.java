package dev.hato.sms.loadtest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One capacity run's whole configuration, immutable and typed: parsed and checked once in {@code main}
 * from the {@link Knob}s, then passed to whatever needs it. A bad value is refused with what is wrong
 * and what is allowed, all at once ({@link InvalidConfig}).
 *
 * @param load the scenario and its SLO gates (what the Gatling simulation gets)
 * @param startSmsPerHour find-capacity's first rate (the target when not set)
 * @param serviceJava the java command of the service, null for the load generator's own
 * @param serviceJvmArgs JVM options of the service as given, empty for the defaults
 * @param serverJar the jar to run, null to find (or build) server/target/sms-server.jar
 */
public record RunConfig(
        LoadSettings load,
        String peer,
        boolean findCapacity,
        double startSmsPerHour,
        double stepFactor,
        Duration stepDuration,
        int maxSteps,
        Duration warmup,
        @Nullable String serviceJava,
        List<String> serviceJvmArgs,
        List<String> serviceArgs,
        double providerRate,
        @Nullable Path serverJar,
        String serviceProcess,
        int instances,
        DisruptionKind disrupt,
        Duration disruptAfter,
        Duration settleTimeout,
        Duration drainPeriod,
        Duration leaseTimeout,
        String clusterProvider,
        int messages,
        List<Integer> benchInstances,
        Duration providerLatency,
        long rows,
        int requests,
        int pgPort,
        Path outputDir) {

    static final List<String> ONE_SERVICE_JVM_ARGS = List.of("-Xms512m", "-Xmx1g");
    static final List<String> CLUSTER_INSTANCE_JVM_ARGS = List.of("-Xms256m", "-Xmx512m");

    /** From the JVM's system properties, as Maven passes the knobs (-Dname=value). */
    public static RunConfig fromSystemProperties() {
        return parse(System::getProperty);
    }

    public static RunConfig from(Properties properties) {
        return parse(properties::getProperty);
    }

    /** Every knob with its default; the configuration of a run started from code (tests, benchmarks). */
    public static RunConfig defaults() {
        return parse(name -> null);
    }

    /** The defaults with some knobs set, as if given with -D. */
    public static RunConfig of(Map<String, String> values) {
        return parse(values::get);
    }

    public static RunConfig parse(Function<String, @Nullable String> source) {
        KnobReader r = new KnobReader(source);
        LoadSettings load = new LoadSettings(
                r.oneOf(Knob.MODEL, "closed", "open"),
                (int) r.integer(Knob.USERS, 1),
                r.positive(Knob.SPAWN_RATE),
                r.duration(Knob.RUN_TIME, false),
                r.text(Knob.HOST).isEmpty() ? null : r.text(Knob.HOST),
                r.positive(Knob.TARGET_SMS_PER_HOUR),
                r.positive(Knob.P95_MS),
                r.positive(Knob.P99_MS),
                r.share(Knob.MAX_ERROR_RATE),
                r.duration(Knob.WAIT, true),
                r.share(Knob.HEAVY_SHARE),
                r.text(Knob.USERNAME),
                r.text(Knob.PASSWORD),
                r.duration(Knob.SAMPLE_INTERVAL, false));
        String start = r.text(Knob.START_SMS_PER_HOUR);
        double stepFactor = r.number(Knob.STEP_FACTOR);
        if (stepFactor <= 1) {
            r.problem(Knob.STEP_FACTOR, "must be greater than 1 (each step offers more than the last)");
        }
        String serviceJava = r.text(Knob.SERVICE_JAVA);
        String serverJar = r.text(Knob.SERVER_JAR);
        RunConfig config = new RunConfig(
                load,
                r.oneOf(Knob.PEER, "hato", "django"),
                r.bool(Knob.FIND_CAPACITY),
                start.isEmpty() ? load.targetSmsPerHour() : r.positive(Knob.START_SMS_PER_HOUR),
                stepFactor,
                r.duration(Knob.STEP_DURATION, false),
                (int) r.integer(Knob.MAX_STEPS, 1),
                r.duration(Knob.WARMUP, true),
                serviceJava.isEmpty() ? null : serviceJava,
                words(r.text(Knob.SERVICE_JVM_ARGS)),
                words(r.text(Knob.SERVICE_ARGS)),
                r.positive(Knob.PROVIDER_RATE),
                serverJar.isEmpty() ? null : Path.of(serverJar).toAbsolutePath(),
                r.text(Knob.SERVICE_PROCESS),
                (int) r.integer(Knob.INSTANCES, 1),
                r.disruption(),
                r.duration(Knob.DISRUPT_AFTER, true),
                r.duration(Knob.SETTLE_TIMEOUT, false),
                r.duration(Knob.DRAIN_PERIOD, true),
                r.duration(Knob.LEASE_TIMEOUT, false),
                r.oneOf(Knob.CLUSTER_PROVIDER, "sns", "sandbox"),
                (int) r.integer(Knob.MESSAGES, 1),
                r.integers(Knob.BENCH_INSTANCES),
                r.duration(Knob.PROVIDER_LATENCY, true),
                r.integer(Knob.ROWS, 1),
                (int) r.integer(Knob.REQUESTS, 1),
                (int) r.integer(Knob.PG_PORT, 1),
                Path.of(r.text(Knob.OUTPUT_DIR)));
        r.throwIfInvalid();
        return config;
    }

    /** The service's JVM options: as given, or the default for one instance or for each of several. */
    public List<String> serviceJvmArgs(boolean oneOfSeveral) {
        if (!serviceJvmArgs.isEmpty()) {
            return serviceJvmArgs;
        }
        return oneOfSeveral ? CLUSTER_INSTANCE_JVM_ARGS : ONE_SERVICE_JVM_ARGS;
    }

    /** The java command of the service. */
    public String serviceJavaCommand() {
        return serviceJava != null
                ? serviceJava
                : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public RunConfig withLoad(LoadSettings settings) {
        return copy(settings, disrupt, disruptAfter, clusterProvider, serviceArgs);
    }

    public RunConfig withDisruption(DisruptionKind kind, Duration after) {
        return copy(load, kind, after, clusterProvider, serviceArgs);
    }

    /** A cluster on the service's own sandbox provider with these further settings (benchmarks). */
    public RunConfig withSandboxCluster(List<String> args) {
        return copy(load, disrupt, disruptAfter, "sandbox", args);
    }

    public RunConfig withServiceArgs(List<String> args) {
        return copy(load, disrupt, disruptAfter, clusterProvider, args);
    }

    private RunConfig copy(
            LoadSettings load,
            DisruptionKind disrupt,
            Duration disruptAfter,
            String clusterProvider,
            List<String> args) {
        return new RunConfig(
                load,
                peer,
                findCapacity,
                startSmsPerHour,
                stepFactor,
                stepDuration,
                maxSteps,
                warmup,
                serviceJava,
                serviceJvmArgs,
                List.copyOf(args),
                providerRate,
                serverJar,
                serviceProcess,
                instances,
                disrupt,
                disruptAfter,
                settleTimeout,
                drainPeriod,
                leaseTimeout,
                clusterProvider,
                messages,
                benchInstances,
                providerLatency,
                rows,
                requests,
                pgPort,
                outputDir);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }
}
