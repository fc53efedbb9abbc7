package dev.hato.sms.loadtest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hato.sms.loadtest.config.CommandLineConfig;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.measure.Environment;
import dev.hato.sms.loadtest.process.Cluster;
import dev.hato.sms.loadtest.process.ProcessCpu;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the dispatcher costs per message, apart from the API: {@code -Dmessages} queued messages are
 * written straight into PostgreSQL, and 1 then 2 instances (sandbox provider, {@code
 * -DproviderLatency}, default 0 ms) deliver them; it reports messages per second and CPU milliseconds
 * per message of the service and of PostgreSQL. {@code mvn -pl loadtest exec:exec@dispatcher-benchmark}.
 */
public final class DispatcherBenchmark {

    private DispatcherBenchmark() {}

    public static void main(String[] args) throws Exception {
        RunConfig given = CommandLineConfig.readOrExit();
        int messages = given.messages();
        String latency = given.providerLatency().toMillis() + "ms";
        Path out = given.outputDir().toAbsolutePath();
        ServiceUnderTest.deleteRecursively(out);
        Files.createDirectories(out);
        // The service's own sandbox provider, with the latency asked for.
        RunConfig config = given.withSandboxCluster(java.util.stream.Stream.concat(
                        given.serviceArgs().stream(), java.util.stream.Stream.of("--sms.sandbox.latency=" + latency))
                .toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int instances : config.benchInstances()) {
            try (Cluster cluster = Cluster.start(config, instances, out.resolve(instances + "-instances"))) {
                rows.add(measure(cluster, instances, messages, latency));
            }
        }
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(
                        out.resolve("dispatcher-benchmark.json").toFile(),
                        Map.of("rows", rows, "environment", Environment.describe(config)));
        System.out.println("| instances | messages | provider latency | messages/s | service CPU ms per message"
                + " | PostgreSQL CPU ms per message |");
        System.out.println("|---:|---:|---|---:|---:|---:|");
        for (Map<String, Object> r : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %s | %,.0f | %.3f | %.3f |%n",
                    r.get("instances"),
                    r.get("messages"),
                    latency,
                    (double) r.get("messages_per_second"),
                    (double) r.get("service_cpu_ms_per_message"),
                    (double) r.get("postgres_cpu_ms_per_message"));
        }
    }

    private static Map<String, Object> measure(Cluster cluster, int instances, int messages, String latency)
            throws Exception {
        ProcessCpu cpu = new ProcessCpu(cluster::pids);
        try (Connection c = cluster.postgres().connect("hato")) {
            long user = single(c, "select id from users limit 1");
            long customer = single(
                    c,
                    "insert into customers (phone_number, phone_number_e164) values ('09011112222', '+819011112222')"
                            + " returning id");
            ProcessCpu.Reading before = cpu.read();
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into messages (customer_id, phone_number_e164, body, encoding, segments, sent_by)"
                            + " select ?, '+819011112222', 'message ' || n, 'GSM-7', 1, ? from generate_series(1, ?) n")) {
                insert.setLong(1, customer);
                insert.setLong(2, user);
                insert.setInt(3, messages);
                insert.executeUpdate();
            }
            long started = System.nanoTime();
            long sent = 0;
            while (sent < messages && System.nanoTime() - started < 600_000_000_000L) {
                Thread.sleep(100);
                sent = single(c, "select count(*) from messages where status = 'sent'");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ProcessCpu.Reading after = cpu.read();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instances", instances);
            row.put("messages", messages);
            row.put("sent", sent);
            row.put("provider_latency", latency);
            row.put("seconds", seconds);
            row.put("messages_per_second", sent / seconds);
            row.put("service_cpu_ms_per_message", (after.service() - before.service()) * 1000 / Math.max(1, sent));
            row.put("postgres_cpu_ms_per_message", (after.postgres() - before.postgres()) * 1000 / Math.max(1, sent));
            System.out.println("dispatcher-benchmark: " + row);
            return row;
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
