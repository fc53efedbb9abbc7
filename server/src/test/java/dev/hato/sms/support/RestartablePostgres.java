package dev.hato.sms.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL of its own that a test can stop (pg_ctl's fast or immediate mode) and start again
 * on the same port and data, as an operator or a crash would.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path pgCtl;
    private final Path dataDir;
    private final int port;

    public RestartablePostgres() throws IOException {
        dataDir = Files.createTempDirectory("restartable-pg");
        port = freePort();
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setPort(port)
                .setServerConfig("max_connections", "100")
                // The library turns it off; a restart test must not lose acknowledged commits.
                .setServerConfig("synchronous_commit", "on")
                .start();
        try {
            var field = EmbeddedPostgres.class.getDeclaredField("pgDir");
            field.setAccessible(true);
            pgCtl = ((File) field.get(postgres)).toPath().resolve("bin").resolve("pg_ctl");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find pg_ctl of the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** {@code mode}: "fast" (roll back sessions, checkpoint) or "immediate" (as after a crash). */
    public void stop(String mode) throws IOException, InterruptedException {
        pgCtl("-D", dataDir.toString(), "-m", mode, "-w", "stop");
    }

    public void start() throws IOException, InterruptedException {
        pgCtl(
                "-D",
                dataDir.toString(),
                "-o",
                "-p " + port + " -F -c synchronous_commit=on -c max_connections=100",
                "-w",
                "-t",
                "60",
                "start");
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        // As the embedded library does: as root, PostgreSQL runs in a user namespace where it is not root.
        List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".pg_ctl.log")
                        .toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("pg_ctl " + String.join(" ", args) + " failed");
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
