package dev.hato.sms.loadtest.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating system's PostgreSQL (Debian's postgresql package, whatever major version it brings),
 * run from its binaries in a private data directory on a free loopback port, so a test can stop and
 * restart it like an operator would ({@code pg_ctl restart -m fast}). As root it runs as the package's
 * {@code postgres} user, because PostgreSQL refuses to run as root.
 */
public final class DebianPostgres implements AutoCloseable {

    private final Path bin;
    private final Path home;
    private final Path data;
    private final Path log;
    private final Path keepLogAt;
    private final int port;
    private StartedProcesses.Stop stop;

    // The log lives beside the data (the postgres user may not reach the output folder) and is copied
    // to keepLogAt when the server is stopped.
    private DebianPostgres(Path bin, Path home, int port, Path keepLogAt) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.log = home.resolve("postgres.log");
        this.keepLogAt = keepLogAt;
    }

    static DebianPostgres start(Path log) throws Exception {
        Path bin = binaries();
        Path home = Files.createTempDirectory("hato-postgres");
        DebianPostgres postgres = new DebianPostgres(bin, home, ServiceUnderTest.freePort(), log);
        postgres.init();
        // pg_ctl detaches the server from this JVM: stopped at exit even when nobody closes it.
        postgres.stop = StartedProcesses.onExit(postgres::stopServer);
        postgres.pgCtl("start", "-w", "-t", "60", "-l", postgres.log.toString());
        try (Connection c = postgres.connect("postgres")) {
            c.createStatement().execute("create database hato");
        }
        System.out.println("capacity: PostgreSQL (" + bin + ") on port " + postgres.port);
        return postgres;
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Debian's PostgreSQL is not installed (apt-get install postgresql)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(
                            b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under " + root));
        }
    }

    private void init() throws Exception {
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", home.toString()));
        }
        run(asOwner(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C")));
        // Loopback only, trust authentication: a throwaway server for one run on this machine.
        Files.writeString(
                data.resolve("postgresql.auto.conf"),
                String.join(
                        "\n",
                        "listen_addresses = '127.0.0.1'",
                        "port = " + port,
                        "unix_socket_directories = '" + home + "'",
                        "max_connections = 300",
                        "shared_buffers = 256MB",
                        "shared_preload_libraries = 'pg_stat_statements'",
                        ""));
        if (isRoot()) {
            run(List.of(
                    "chown",
                    "postgres:postgres",
                    data.resolve("postgresql.auto.conf").toString()));
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/hato";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    /** A fast restart: connections are cut, the server stops and starts again (about a second). */
    void fastRestart() throws Exception {
        pgCtl("restart", "-m", "fast", "-w", "-t", "60", "-l", log.toString());
    }

    private void pgCtl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(args));
        run(asOwner(command));
    }

    private static List<String> asOwner(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    @Override
    public void close() throws Exception {
        StartedProcesses.done(stop);
        stopServer();
    }

    private synchronized void stopServer() throws Exception {
        if (!Files.exists(home)) {
            return;
        }
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pgCtl("stop", "-m", "fast", "-w");
            }
            if (Files.exists(log)) {
                Files.copy(log, keepLogAt, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            ServiceUnderTest.deleteRecursively(home);
        }
    }
}
