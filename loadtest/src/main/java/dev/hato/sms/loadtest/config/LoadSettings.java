package dev.hato.sms.loadtest.config;

import java.time.Duration;

/**
 * The scenario of a capacity run and its SLO gates: the part of {@link RunConfig} the Gatling simulation
 * gets. Defaults ({@link Knob}) reproduce the original plan: 10 users, spawn rate 2/s, 1,000 SMS/hour,
 * p95 < 500 ms, errors < 1 %.
 *
 * @param model "closed" (users looping) or "open" (flows arriving at the target SMS rate)
 * @param host the service's base URL; null starts the embedded service
 */
public record LoadSettings(
        String model,
        int users,
        double spawnRate,
        Duration runTime,
        String host,
        double targetSmsPerHour,
        double p95Ms,
        double p99Ms,
        double maxErrorRate,
        Duration loopWait,
        double heavyShare,
        String username,
        String password,
        Duration sampleInterval) {

    public boolean open() {
        return model.equals("open");
    }

    /**
     * The SMS rate a run must reach to pass. The open model offers exactly the target, and the injector
     * rounds arrivals per second and per scenario, so it is allowed 2 % below; the closed model must reach
     * the target itself.
     */
    public double requiredSmsPerHour() {
        return open() ? targetSmsPerHour * 0.98 : targetSmsPerHour;
    }

    /** SMS per heavy flow: it sends this many per registered customer. */
    public static final int HEAVY_SENDS = 3;

    /** Flows per second that produce the target SMS rate with the 80/20 normal/heavy mix. */
    public double flowsPerSecond() {
        return targetSmsPerHour / 3600.0 / ((1 - heavyShare) + heavyShare * HEAVY_SENDS);
    }

    public LoadSettings withTarget(double smsPerHour) {
        return copy(model, host, runTime, smsPerHour);
    }

    public LoadSettings withHost(String baseUrl) {
        return copy(model, baseUrl, runTime, targetSmsPerHour);
    }

    public LoadSettings withRunTime(Duration time) {
        return copy(model, host, time, targetSmsPerHour);
    }

    public LoadSettings withModel(String name) {
        return copy(name, host, runTime, targetSmsPerHour);
    }

    private LoadSettings copy(String model, String host, Duration runTime, double targetSmsPerHour) {
        return new LoadSettings(
                model,
                users,
                spawnRate,
                runTime,
                host,
                targetSmsPerHour,
                p95Ms,
                p99Ms,
                maxErrorRate,
                loopWait,
                heavyShare,
                username,
                password,
                sampleInterval);
    }
}
