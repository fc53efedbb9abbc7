package dev.hato.sms.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries spread out. */
record Backoff(Duration base, Duration max) {

    /** The delay after the given (1-based) failed attempt. */
    Duration after(int attempt) {
        long ceiling = ceiling(attempt);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    /** The shortest the delays after attempts 1..attempts can add up to, jitter included. */
    Duration minimumTotal(int attempts) {
        long total = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            total += ceiling(attempt) / 2;
        }
        return Duration.ofMillis(total);
    }

    private long ceiling(int attempt) {
        double exact = base.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        return (long) Math.min(max.toMillis(), exact);
    }
}
