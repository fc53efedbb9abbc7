package dev.hato.sms.loadtest.config;

import java.util.Locale;

/** What -Ddisrupt does to a cluster while the load runs (see {@link dev.hato.sms.loadtest.process.Disruption}). */
public enum DisruptionKind {
    NONE,
    ROLLING_RESTART,
    KILL,
    POSTGRES_RESTART;

    public static DisruptionKind of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
