package dev.hato.sms.loadtest.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * moto's server, an AWS emulator, standing in for SNS: the service publishes to it with the real AWS
 * SDK, and it lists every SMS it was asked to send, so a run can count what reached the "provider".
 */
public final class MotoServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MotoServer start(Path log) throws Exception {
        Path executable = StartedProcesses.installed(
                        "moto_server", System.getProperty("user.home") + "/.pyenv/shims", "/usr/local/bin", "/usr/bin")
                .orElseThrow(
                        () -> new IllegalStateException("moto_server is not installed (pip install 'moto[server]')"));
        int port = ServiceUnderTest.freePort();
        Process process = StartedProcesses.start(
                new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                System.out.println("capacity: moto_server (SNS stand-in) on port " + port);
                return new MotoServer(process, port);
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto_server did not listen within 60 s; see " + log);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** How many SMS moto was asked to send to each phone number (E.164). */
    Map<String, Long> publishesPerPhone() throws Exception {
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/data.json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        JsonNode sms = JSON.readTree(body).path("sns").path("SMS");
        Map<String, Long> perPhone = new HashMap<>();
        sms.forEach(entry -> perPhone.merge(entry.path("phone_number").asText(), 1L, Long::sum));
        return perPhone;
    }

    @Override
    public void close() {
        StartedProcesses.stopTree(process);
    }
}
