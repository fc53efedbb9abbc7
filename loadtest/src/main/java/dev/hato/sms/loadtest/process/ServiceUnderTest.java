package dev.hato.sms.loadtest.process;

import dev.hato.sms.loadtest.config.RunConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service as a separate process, started fresh for a run and stopped after: on the embedded
 * database, or (as one of a {@link Cluster}'s instances) on a shared PostgreSQL, where it can also be
 * stopped with SIGTERM or SIGKILL and started again.
 */
public final class ServiceUnderTest implements Deployment {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final String baseUrl;
    private final Path dataDir;
    private volatile Process process;

    private ServiceUnderTest(String name, List<String> command, Path log, String baseUrl, Path dataDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
    }

    /** One instance of several: the jar with the given settings on {@code port}, logging to {@code log}. */
    static ServiceUnderTest instance(RunConfig config, String name, int port, List<String> args, Path log)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(config.serviceJavaCommand());
        command.addAll(config.serviceJvmArgs(true));
        command.add("-jar");
        command.add(jar(config).toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        ServiceUnderTest service = new ServiceUnderTest(name, command, log, "http://127.0.0.1:" + port, null);
        service.launch();
        return service;
    }

    /** Starts the process (again) and waits until it reports ready. */
    public void launch() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = StartedProcesses.start(builder);
        try {
            awaitReady(Duration.ofSeconds(180));
        } catch (Exception | Error e) {
            StartedProcesses.stopTree(process);
            throw e;
        }
    }

    /** SIGTERM, as ECS or systemd stop a task, and waits for the process to finish its shutdown. */
    void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not stop within 90 s of SIGTERM");
        }
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String name() {
        return name;
    }

    @Override
    public Map<String, Long> pids() {
        Process current = process;
        return current.isAlive() ? Map.of(name, current.pid()) : Map.of();
    }

    public static ServiceUnderTest start(RunConfig config, Path outputDir) throws Exception {
        return start(config, outputDir, true);
    }

    /**
     * README's start command, {@code java -jar sms-server.jar}, with only a free port and a fresh data
     * directory: every other setting at its default (sandbox provider, AWS's 20 SMS/s quota, no limits).
     */
    static ServiceUnderTest startWithDefaults(RunConfig config, Path outputDir) throws Exception {
        return start(config, outputDir, false);
    }

    private static ServiceUnderTest start(RunConfig config, Path outputDir, boolean capacityArgs) throws Exception {
        Path jar = jar(config);
        Path dataDir = outputDir.resolve("pg").toAbsolutePath();
        deleteRecursively(dataDir);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(config.serviceJavaCommand());
        if (capacityArgs) {
            command.addAll(config.serviceJvmArgs(false));
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--sms.embedded-db.data-dir=" + dataDir);
        if (capacityArgs) {
            // The service's own pipeline is measured, not AWS's default quota of 20 SMS/s (docs/capacity.md).
            command.add("--sms.dispatch.rate-per-second=" + config.providerRate());
            command.addAll(config.serviceArgs());
        }
        System.out.println("capacity: starting " + String.join(" ", command));
        Path log = outputDir.resolve("service.log");
        Files.deleteIfExists(log);
        ServiceUnderTest service = new ServiceUnderTest("service", command, log, "http://127.0.0.1:" + port, dataDir);
        service.launch();
        return service;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    Path dataDir() {
        return dataDir;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during startup; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    System.out.printf(
                            "capacity: %s ready at %s after %.1f s%n",
                            name, baseUrl, (System.nanoTime() - started) / 1e9);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready after " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        StartedProcesses.stopTree(this.process);
    }

    /** The jar -DserverJar names, or server/target/sms-server.jar (built when missing). */
    static Path jar(RunConfig config) throws Exception {
        if (config.serverJar() != null) {
            return config.serverJar();
        }
        for (Path candidate :
                List.of(Path.of("../server/target/sms-server.jar"), Path.of("server/target/sms-server.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        Path root = Files.isRegularFile(Path.of("../server/pom.xml")) ? Path.of("..") : Path.of(".");
        System.out.println(
                "capacity: server/target/sms-server.jar is missing; building it (mvn -pl server -am package)");
        Process build = StartedProcesses.start(
                new ProcessBuilder("mvn", "-q", "-B", "-pl", "server", "-am", "package", "-DskipTests")
                        .directory(root.toFile())
                        .inheritIO());
        if (build.waitFor() != 0) {
            throw new IllegalStateException("building the server jar failed");
        }
        return root.resolve("server/target/sms-server.jar").toAbsolutePath().normalize();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
