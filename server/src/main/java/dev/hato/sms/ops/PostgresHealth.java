package dev.hato.sms.ops;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Connection headroom and whether slow statements can be reported; the "db" component checks liveness. */
@Component("postgresHealthIndicator")
class PostgresHealth implements HealthIndicator {

    private final PostgresStats stats;

    PostgresHealth(PostgresStats stats) {
        this.stats = stats;
    }

    @Override
    public Health health() {
        PostgresStats.Snapshot snapshot = stats.snapshot();
        long used = snapshot.connectionsByState().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return Health.up()
                .withDetail("connections", used)
                .withDetail("max_connections", snapshot.maxConnections())
                .withDetail("deadlocks", snapshot.database().deadlocks())
                .withDetail("lock_waits", snapshot.lockWaits())
                .withDetail(
                        "pg_stat_statements",
                        snapshot.statementsAvailable() ? "available" : "unavailable: " + snapshot.statementsProblem())
                .build();
    }
}
