package dev.hato.sms.loadtest.config;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every knob of the capacity tool (-Dname=value; blank means the default), with its default and
 * meaning: the one place they are declared. {@link RunConfig#parse} reads and checks them all once;
 * docs/capacity.md lists them ({@code KnobsDocTest} compares).
 */
enum Knob {
    // The scenario and its gates (LoadSettings)
    MODEL("model", "closed", "closed (users looping) or open (flows arriving at the target SMS rate)"),
    USERS("users", "10", "closed model: simulated staff members"),
    SPAWN_RATE("spawnRate", "2", "closed model: users started per second"),
    RUN_TIME("runTime", "60s", "length of the measured run (30s, 5m, 1h)"),
    HOST("host", "", "base URL of a running service; blank starts one from the jar"),
    TARGET_SMS_PER_HOUR("targetSmsPerHour", "1000", "SMS/hour the run must reach (open model: the arrival rate)"),
    P95_MS("p95Ms", "500", "SLO gate on the exact p95 latency, ms"),
    P99_MS("p99Ms", "1000", "SLO gate on the exact p99 latency, ms"),
    MAX_ERROR_RATE("maxErrorRate", "0.01", "SLO gate on failed requests, a share (0.01 = 1 %)"),
    WAIT("wait", "1s", "closed model: think time between a user's flows"),
    HEAVY_SHARE("heavyShare", "0.2", "share of heavy flows (three sends each) in the mix"),
    USERNAME("username", "admin", "the staff member the load logs in as"),
    PASSWORD("password", "password123", "that staff member's password"),
    SAMPLE_INTERVAL("sampleInterval", "2s", "how often the server, CPU and PostgreSQL figures are sampled"),
    PEER("peer", "hato", "hato, or django for the Django reference's send answer (201 sent)"),
    // find-capacity
    FIND_CAPACITY("findCapacity", "false", "step the arrival rate up until an SLO breaks (-Pfind-capacity)"),
    START_SMS_PER_HOUR("startSmsPerHour", "", "find-capacity: the first step's rate; blank: targetSmsPerHour"),
    STEP_FACTOR("stepFactor", "1.5", "find-capacity: each step's rate is the last one's times this (> 1)"),
    STEP_DURATION("stepDuration", "60s", "find-capacity: length of each step"),
    MAX_STEPS("maxSteps", "12", "find-capacity: most steps"),
    WARMUP("warmup", "40s", "find-capacity: load before the first step, not measured (0s: none)"),
    // The service under test
    SERVICE_JAVA("serviceJava", "", "java command the service runs on; blank: the load generator's"),
    SERVICE_JVM_ARGS(
            "serviceJvmArgs",
            "",
            "JVM options of the service; blank: -Xms512m -Xmx1g (each of several: -Xms256m -Xmx512m)"),
    SERVICE_ARGS("serviceArgs", "", "further --name=value settings of the service"),
    PROVIDER_RATE("providerRate", "2000", "the service's sms.dispatch.rate-per-second (AWS's quota is 20)"),
    SERVER_JAR("serverJar", "", "the jar to run; blank: server/target/sms-server.jar (built when missing)"),
    SERVICE_PROCESS("serviceProcess", "", "with host: a pattern of the external service's process, for its CPU"),
    // Several instances (docs/reliability.md)
    INSTANCES("instances", "1", "instances behind HAProxy on Debian's PostgreSQL (more than 1: the cluster mode)"),
    DISRUPT("disrupt", "none", "cluster: none, rolling-restart, kill or postgres-restart during the run"),
    DISRUPT_AFTER("disruptAfter", "10s", "cluster: when the disruption starts"),
    SETTLE_TIMEOUT("settleTimeout", "90s", "cluster: how long to wait for every accepted message to be sent"),
    DRAIN_PERIOD("drainPeriod", "3s", "cluster: each instance's sms.shutdown.drain-period"),
    LEASE_TIMEOUT("leaseTimeout", "10s", "cluster: each instance's sms.dispatch.lease-timeout"),
    CLUSTER_PROVIDER("clusterProvider", "sns", "cluster: sns (moto's stand-in, every message counted) or sandbox"),
    // Benchmarks
    MESSAGES("messages", "30000", "dispatcher benchmark: messages per round; receipts benchmark: receipts"),
    BENCH_INSTANCES("benchInstances", "1,2", "dispatcher benchmark: instance counts to run"),
    PROVIDER_LATENCY("providerLatency", "0ms", "dispatcher benchmark: the sandbox provider's latency"),
    ROWS("rows", "1000000", "history benchmark: rows of the large table"),
    REQUESTS("requests", "1000", "history benchmark: requests per query shape"),
    PG_PORT("pgPort", "55499", "history benchmark: port of the service's embedded PostgreSQL (the benchmark fills it)"),
    OUTPUT_DIR("outputDir", "target/capacity", "where the run writes its reports (emptied first)");

    final String property;
    final String defaultValue;
    final String meaning;

    Knob(String property, String defaultValue, String meaning) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    static Set<String> names() {
        return Arrays.stream(values()).map(k -> k.property).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
