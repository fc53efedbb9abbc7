package dev.hato.sms.ops;

import dev.hato.sms.web.Failures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the team used to read on the database host, sampled from inside the service on a schedule
 * (never per scrape): connections by state against max_connections, deadlocks, rollbacks, temp
 * files, lock waits, and the statements that cost the database most time (total, repeated ones only)
 * when pg_stat_statements is available.
 */
@Component
public class PostgresStats {

    private static final RowMapper<Statement> STATEMENT_ROWS = new DataClassRowMapper<>(Statement.class);

    private static final RowMapper<Database> DATABASE_ROWS = new DataClassRowMapper<>(Database.class);

    public record Database(long commits, long rollbacks, long deadlocks, long tempBytes, long tempFiles) {}

    public record Statement(String query, long calls, double meanMs, double maxMs, double totalMs, long rows) {}

    public record Snapshot(
            Map<String, Long> connectionsByState,
            long maxConnections,
            Database database,
            long lockWaits,
            boolean statementsAvailable,
            String statementsProblem,
            List<Statement> slowestStatements) {}

    private static final Logger log = LoggerFactory.getLogger(PostgresStats.class);
    private static final List<String> STATES = List.of(
            "active",
            "idle",
            "idle in transaction",
            "idle in transaction (aborted)",
            "fastpath function call",
            "disabled");

    private final JdbcClient jdbc;
    private final OpsProperties properties;
    private final Map<String, Long> connections = new ConcurrentHashMap<>();
    private volatile Snapshot last =
            new Snapshot(Map.of(), 0, new Database(0, 0, 0, 0, 0), 0, false, "not sampled yet", List.of());
    private volatile Boolean statementsAvailable;
    private volatile String statementsProblem;

    PostgresStats(JdbcClient jdbc, MeterRegistry registry, OpsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        for (String state : STATES) {
            connections.put(state, 0L);
            Gauge.builder("pg.connections", connections, c -> c.getOrDefault(state, 0L))
                    .description("Server connections to this database by state (pg_stat_activity)")
                    .tag("state", state)
                    .register(registry);
        }
        Gauge.builder("pg.connections.max", this, s -> s.last.maxConnections())
                .description("max_connections of the server")
                .register(registry);
        counter(registry, "pg.database.deadlocks", "Deadlocks detected in this database", d -> d.deadlocks());
        counter(registry, "pg.database.rollbacks", "Transactions rolled back in this database", d -> d.rollbacks());
        counter(registry, "pg.database.commits", "Transactions committed in this database", d -> d.commits());
        counter(registry, "pg.database.temp.bytes", "Bytes written to temporary files by queries", d -> d.tempBytes());
        Gauge.builder("pg.locks.waiting", this, s -> s.last.lockWaits())
                .description("Lock requests waiting right now (pg_locks where not granted)")
                .register(registry);
    }

    private void counter(
            MeterRegistry registry,
            String name,
            String description,
            java.util.function.ToLongFunction<Database> value) {
        FunctionCounter.builder(name, this, s -> value.applyAsLong(s.last.database()))
                .description(description)
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${sms.ops.sample-interval:5s}")
    public void sample() {
        try {
            sampleNow();
        } catch (RuntimeException e) {
            if (!Failures.isDatabaseUnavailable(e)) {
                throw e;
            }
            // The database is away; the last figures stay, and health and readiness say why.
        }
    }

    private void sampleNow() {
        Map<String, Long> byState = new java.util.TreeMap<>();
        jdbc.sql("select coalesce(state, 'background') as state, count(*) from pg_stat_activity"
                        + " where datname = current_database() group by 1")
                .query((rs, i) -> byState.put(rs.getString(1), rs.getLong(2)))
                .list();
        STATES.forEach(state -> connections.put(state, byState.getOrDefault(state, 0L)));
        long max = jdbc.sql("select setting::bigint from pg_settings where name = 'max_connections'")
                .query(Long.class)
                .single();
        Database database = jdbc.sql("select xact_commit as commits, xact_rollback as rollbacks, deadlocks,"
                        + " temp_bytes, temp_files from pg_stat_database where datname = current_database()")
                .query(DATABASE_ROWS)
                .single();
        long lockWaits = jdbc.sql("select count(*) from pg_locks where not granted")
                .query(Long.class)
                .single();
        last = new Snapshot(
                Map.copyOf(byState), max, database, lockWaits, statementsAvailable(), statementsProblem, slowest());
    }

    public Snapshot snapshot() {
        return last;
    }

    private List<Statement> slowest() {
        if (!statementsAvailable()) {
            return List.of();
        }
        return jdbc.sql("select left(query, 500) as query, calls, mean_exec_time as mean_ms, max_exec_time as max_ms,"
                        + " total_exec_time as total_ms, rows from pg_stat_statements"
                        + " where dbid = (select oid from pg_database where datname = current_database())"
                        + " and calls >= 10 order by total_exec_time desc limit ?")
                .param(properties.slowStatements())
                .query(STATEMENT_ROWS)
                .list();
    }

    /** Tries once to enable pg_stat_statements; says once, in the log and then in health, when it cannot. */
    private boolean statementsAvailable() {
        if (statementsAvailable == null) {
            try {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
                jdbc.sql("select count(*) from pg_stat_statements")
                        .query(Long.class)
                        .single();
                statementsAvailable = true;
            } catch (RuntimeException e) {
                statementsAvailable = false;
                statementsProblem = rootMessage(e);
                log.warn(
                        "pg_stat_statements is not available, so slow statements are not reported ({}). Add it to"
                                + " shared_preload_libraries on the server to get them; everything else still works.",
                        statementsProblem);
            }
        }
        return statementsAvailable;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null
                ? cause.toString()
                : cause.getMessage().lines().findFirst().orElse("");
    }
}
