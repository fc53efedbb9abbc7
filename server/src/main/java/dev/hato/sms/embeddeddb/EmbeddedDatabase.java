package dev.hato.sms.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;
import org.springframework.beans.factory.DisposableBean;

/**
 * A PostgreSQL server owned by this process; its data directory outlives it. Every connection needs a
 * password (scram-sha-256), and the service connects as {@value #APP_USER}, a role without superuser
 * rights; both passwords are generated at the first start and kept in {@code <data-dir>.secret} (mode 600).
 */
public final class EmbeddedDatabase implements DisposableBean {

    static final String SUPERUSER = "postgres";
    static final String APP_USER = "hato";

    private static final String HBA = """
            # Written by Hato at every start: every connection needs a password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String version;
    private final String appPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String version, String appPassword) {
        this.postgres = postgres;
        this.version = version;
        this.appPassword = appPassword;
    }

    static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        Properties secret = secret(dataDir.resolveSibling(dataDir.getFileName() + ".secret"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Stopped by the application context, after the web server and the dispatcher have drained.
                .setRegisterShutdownHook(false)
                // Its own readiness check and setup connections authenticate like everyone else.
                .setConnectConfig("password", secret.getProperty("superuser.password"))
                // The observability endpoints read the slowest statements from here.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "top")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        String version;
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            version = secure(connection, dataDir, secret);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Embedded PostgreSQL started but could not be set up: " + e.getMessage(), e);
        }
        return new EmbeddedDatabase(postgres, version, secret.getProperty("app.password"));
    }

    /** Passwords on, an application role that owns the schema but is no superuser; returns the version. */
    private static String secure(Connection connection, Path dataDir, Properties secret)
            throws SQLException, IOException {
        try (var statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute(
                    "alter role " + SUPERUSER + " password " + literal(secret.getProperty("superuser.password")));
            statement.execute("""
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = '%1$s') then create role %1$s login; end if;
                    end $$""".formatted(APP_USER));
            statement.execute("alter role " + APP_USER + " nosuperuser nocreaterole nocreatedb login password "
                    + literal(secret.getProperty("app.password")));
            statement.execute("grant pg_read_all_stats to " + APP_USER);
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("alter schema public owner to " + APP_USER);
            // Data directories from before this role existed: hand the tables over.
            statement.execute("""
                    do $$ declare r record; begin
                      for r in select tablename from pg_tables where schemaname = 'public' and tableowner <> '%1$s' loop
                        execute format('alter table public.%%I owner to %1$s', r.tablename);
                      end loop;
                    end $$""".formatted(APP_USER));
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA);
            statement.execute("select pg_reload_conf()");
            try (var rs = statement.executeQuery("show server_version")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Properties secret(Path file) throws IOException {
        Properties secret = new Properties();
        if (Files.exists(file)) {
            // On every start, not only when it is made: a copy or a restore may have widened it.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            try (var in = Files.newInputStream(file)) {
                secret.load(in);
            }
        }
        if (secret.getProperty("superuser.password") == null || secret.getProperty("app.password") == null) {
            secret.setProperty("superuser.password", randomPassword());
            secret.setProperty("app.password", randomPassword());
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(file)) {
                secret.store(out, "Passwords of the embedded PostgreSQL (superuser postgres, application role hato)");
            }
        }
        return secret;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String appPassword() {
        return appPassword;
    }

    public int port() {
        return postgres.getPort();
    }

    public String version() {
        return version;
    }

    @Override
    public void destroy() throws IOException {
        postgres.close();
    }
}
