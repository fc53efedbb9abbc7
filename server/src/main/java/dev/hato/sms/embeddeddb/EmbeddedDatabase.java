package dev.hato.sms.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.beans.factory.DisposableBean;

/** A PostgreSQL server owned by this process; its data directory outlives it. */
public final class EmbeddedDatabase implements DisposableBean {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String version;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String version) {
        this.postgres = postgres;
        this.version = version;
    }

    static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Stopped by the application context, after the web server and the dispatcher have drained.
                .setRegisterShutdownHook(false)
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
        return new EmbeddedDatabase(postgres, readVersion(postgres));
    }

    private static String readVersion(EmbeddedPostgres postgres) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IOException("Embedded PostgreSQL started but does not answer", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
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
