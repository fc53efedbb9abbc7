package dev.hato.sms.loadtest.process;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's HAProxy in front of the instances: round robin without stickiness, health checks on
 * readiness every 500 ms (out after 2 failures, so within the service's 3-s drain), and retries only
 * of requests that never reached an instance (connection refused): a POST that reached one is never
 * sent twice.
 */
final class Haproxy implements AutoCloseable {

    static final String CONFIG = """
            global
              maxconn 4096
            defaults
              mode http
              timeout connect 2s
              timeout client 120s
              timeout server 120s
              retries 3
              option redispatch 1
              retry-on conn-failure
              # One request per connection to an instance: a stopping instance never gets a request on a
              # connection it is about to close (which could not be retried safely).
              option http-server-close
            frontend web
              bind 127.0.0.1:%d
              default_backend hato
            backend hato
              balance roundrobin
              option httpchk
              # HTTP/1.1 with a Host: the service answers only to its allowed hosts (localhost on loopback).
              http-check send meth GET uri /actuator/health/readiness ver HTTP/1.1 hdr Host localhost
              http-check expect status 200
              default-server inter 500ms fall 2 rise 2
            %s
            listen stats
              bind 127.0.0.1:%d
              stats enable
              stats uri /stats
            """;

    private final Process process;
    private final int port;
    private final int statsPort;

    private Haproxy(Process process, int port, int statsPort) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
    }

    /** Fails at once, naming the package, when HAProxy is not installed. */
    static void requireInstalled() {
        if (StartedProcesses.installed("haproxy", "/usr/sbin").isEmpty()) {
            throw new IllegalStateException(
                    "HAProxy is not installed (apt-get install haproxy, or README's ./test.sh)");
        }
    }

    /** {@code servers}: instance name to its port. */
    static Haproxy start(Map<String, Integer> servers, Path dir) throws Exception {
        int port = ServiceUnderTest.freePort();
        int statsPort = ServiceUnderTest.freePort();
        StringBuilder lines = new StringBuilder();
        servers.forEach((name, serverPort) -> lines.append("  server ")
                .append(name)
                .append(" 127.0.0.1:")
                .append(serverPort)
                .append(" check\n"));
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, CONFIG.formatted(port, lines.toString().stripTrailing(), statsPort));
        Process process = StartedProcesses.start(new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                Haproxy haproxy = new Haproxy(process, port, statsPort);
                haproxy.awaitAllUp(servers.size());
                System.out.println("capacity: HAProxy on port " + port + " in front of " + servers);
                return haproxy;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("haproxy exited; see " + dir.resolve("haproxy.log"));
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("haproxy did not listen within 30 s");
    }

    private void awaitAllUp(int servers) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (stats().values().stream()
                            .filter(s -> s.get("status").startsWith("UP"))
                            .count()
                    == servers) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not every instance was UP in HAProxy within 30 s: " + stats());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Per instance: HAProxy's CSV statistics (stot = requests sent to it, hrsp_5xx, status...). */
    Map<String, Map<String, String>> stats() throws Exception {
        String csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> rows = csv.lines().toList();
        String[] header = rows.get(0).replaceFirst("^# ", "").split(",", -1);
        Map<String, Map<String, String>> servers = new LinkedHashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            if (cells.length < 2 || !cells[0].equals("hato") || cells[1].equals("BACKEND")) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                values.put(header[i], cells[i]);
            }
            servers.put(cells[1], values);
        }
        return servers;
    }

    @Override
    public void close() {
        StartedProcesses.stopTree(process);
    }
}
