package dev.hato.sms.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;

/** One real PostgreSQL for the whole test JVM; every Spring context and test shares it. */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static boolean templateMigrated;

    private TestDatabase() {}

    /** A separate database on the same server, for tests that need fixed primary keys. */
    public static synchronized String jdbcUrl(String database) {
        jdbcUrl();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    /**
     * A database of its own, dropped if it exists and created afresh at the current schema: a copy of one
     * migrated template, so each of the many callers pays a file copy instead of Flyway's clean and migrate.
     */
    public static synchronized String migratedCopy(String database) {
        String template = jdbcUrl("migrated_template");
        if (!templateMigrated) {
            // Created empty above (one server per test JVM): migrating it is all it needs.
            Flyway.configure().dataSource(template, "postgres", "").load().migrate();
            templateMigrated = true;
        }
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            // Flyway's connections to the template may linger in a closing pool: a copy needs none open.
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where datname = 'migrated_template' and pid <> pg_backend_pid()");
            statement.execute("create database " + database + " template migrated_template");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
