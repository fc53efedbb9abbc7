package dev.hato.sms.loadtest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hato.sms.loadtest.config.CommandLineConfig;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.measure.Environment;
import dev.hato.sms.loadtest.process.Cluster;
import dev.hato.sms.loadtest.process.MotoServer;
import dev.hato.sms.loadtest.process.ProcessCpu;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Delivery receipts through moto's SQS: {@code -Dmessages} sent messages are written straight into
 * PostgreSQL, one End User Messaging event per message (AWS's documented format, TEXT_DELIVERED) is put
 * on the receipts queue, and one instance long-polls and applies them. Reports events per second
 * consumed and CPU milliseconds per event of the service, PostgreSQL and moto. Not a test: it asserts
 * nothing. {@code mvn -pl loadtest exec:exec@receipts-benchmark -Dmessages=100000}.
 */
public final class ReceiptsBenchmark {

    private ReceiptsBenchmark() {}

    public static void main(String[] args) throws Exception {
        RunConfig given = CommandLineConfig.readOrExit();
        int messages = given.messages();
        Path out = given.outputDir().toAbsolutePath();
        ServiceUnderTest.deleteRecursively(out);
        Files.createDirectories(out);
        try (MotoServer moto = MotoServer.start(out.resolve("moto.log"));
                SqsClient sqs = SqsClient.builder()
                        .endpointOverride(URI.create(moto.endpoint()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .build()) {
            String dlqArn =
                    arn(sqs, sqs.createQueue(r -> r.queueName("receipts-dlq")).queueUrl());
            String queueUrl = sqs.createQueue(r -> r.queueName("receipts")
                            .attributes(Map.of(
                                    QueueAttributeName.REDRIVE_POLICY,
                                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"5\"}")))
                    .queueUrl();
            RunConfig config = given.withSandboxCluster(java.util.stream.Stream.concat(
                            given.serviceArgs().stream(),
                            java.util.stream.Stream.of(
                                    "--sms.dispatch.enabled=false",
                                    "--sms.sandbox.receipts=false",
                                    "--sms.receipts.queue-url=" + queueUrl,
                                    "--sms.receipts.endpoint-url=" + moto.endpoint(),
                                    "--sms.receipts.region=us-east-1",
                                    "--sms.receipts.access-key-id=test",
                                    "--sms.receipts.secret-access-key=test",
                                    "--sms.receipts.wait-time=1s"))
                    .toList());
            try (Cluster cluster = Cluster.start(config, 1, out.resolve("cluster"))) {
                Map<String, Object> row = measure(cluster, moto, sqs, queueUrl, messages);
                row.put("environment", Environment.describe(config));
                new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(out.resolve("receipts-benchmark.json").toFile(), row);
                System.out.printf(
                        Locale.ROOT,
                        "| receipts | queued in (s) | all applied after (s) | events/s | service CPU ms/event"
                                + " | PostgreSQL CPU ms/event | moto CPU ms/event |%n|---:|---:|---:|---:|---:|---:|---:|%n"
                                + "| %,d | %.1f | %.1f | %,.0f | %.3f | %.3f | %.3f |%n",
                        messages,
                        (double) row.get("enqueue_seconds"),
                        (double) row.get("seconds"),
                        (double) row.get("events_per_second"),
                        (double) row.get("service_cpu_ms_per_event"),
                        (double) row.get("postgres_cpu_ms_per_event"),
                        (double) row.get("moto_cpu_ms_per_event"));
            }
        }
    }

    private static Map<String, Object> measure(
            Cluster cluster, MotoServer moto, SqsClient sqs, String queueUrl, int messages) throws Exception {
        ProcessCpu cpu = new ProcessCpu(cluster::pids);
        List<String> events = new ArrayList<>(messages);
        try (Connection c = cluster.postgres().connect("hato");
                Statement sql = c.createStatement()) {
            sql.execute(
                    "insert into customers (phone_number, phone_number_e164) values ('09011112222', '+819011112222')");
            sql.execute("insert into messages (customer_id, phone_number_e164, body, encoding, segments, status,"
                    + " sent_by, sent_at, attempts, provider_message_id)"
                    + " select (select min(id) from customers), '+819011112222', 'receipt ' || n, 'GSM-7', 1, 'sent',"
                    + " (select min(id) from users), now(), 1, md5(n::text) from generate_series(1, " + messages
                    + ") n");
            sql.execute("analyze messages");
            long now = System.currentTimeMillis();
            try (ResultSet rs = sql.executeQuery(
                    "select id, provider_message_id from messages where status = 'sent' order by id")) {
                while (rs.next()) {
                    events.add(event(rs.getLong(1), rs.getString(2), now));
                }
            }
            ProcessCpu.Reading before = cpu.read();
            double motoBefore = MotoCpu.seconds(moto.pid());
            long started = System.nanoTime();
            // Against moto a queue 100,000 deep answered receives slower than their timeout: events go in
            // as the service takes them, at most 100 ahead (moto slows with its depth: docs/performance.md).
            long delivered = 0;
            for (int from = 0; from < events.size(); from += CHUNK) {
                enqueue(sqs, queueUrl, events.subList(from, Math.min(events.size(), from + CHUNK)));
                long queued = Math.min(events.size(), from + CHUNK);
                while (queued - delivered > AHEAD && System.nanoTime() - started < 1_800_000_000_000L) {
                    Thread.sleep(20);
                    delivered = delivered(sql);
                }
            }
            double enqueueSeconds = (System.nanoTime() - started) / 1e9;
            while (delivered < messages && System.nanoTime() - started < 1_800_000_000_000L) {
                Thread.sleep(50);
                delivered = delivered(sql);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ProcessCpu.Reading after = cpu.read();
            double motoSeconds = MotoCpu.seconds(moto.pid()) - motoBefore;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("receipts", messages);
            row.put("applied", delivered);
            row.put("enqueue_seconds", enqueueSeconds);
            row.put("seconds", seconds);
            row.put("events_per_second", delivered / seconds);
            row.put("service_cpu_ms_per_event", (after.service() - before.service()) * 1000 / Math.max(1, delivered));
            row.put(
                    "postgres_cpu_ms_per_event",
                    (after.postgres() - before.postgres()) * 1000 / Math.max(1, delivered));
            row.put("moto_cpu_ms_per_event", motoSeconds * 1000 / Math.max(1, delivered));
            row.put(
                    "harness_cpu_ms_per_event",
                    (after.loadGenerator() - before.loadGenerator()) * 1000 / Math.max(1, delivered));
            row.put(
                    "machine_busy_share",
                    (after.machineBusy() - before.machineBusy())
                            / Math.max(1e-9, after.machineTotal() - before.machineTotal()));
            System.out.println("receipts-benchmark: " + row);
            return row;
        }
    }

    static final int CHUNK = 50;
    static final int AHEAD = 100;

    private static long delivered(Statement sql) throws Exception {
        try (ResultSet rs = sql.executeQuery("select count(*) from messages where status = 'delivered'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Puts the events on the queue, ten per call, from eight threads. */
    private static void enqueue(SqsClient sqs, String queueUrl, List<String> events) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int from = 0; from < events.size(); from += 10) {
                List<String> batch = events.subList(from, Math.min(events.size(), from + 10));
                calls.add(threads.submit(() -> {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        entries.add(SendMessageBatchRequestEntry.builder()
                                .id(Integer.toString(i))
                                .messageBody(batch.get(i))
                                .build());
                    }
                    sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    static String event(long messageId, String providerId, long now) {
        return ("{\"eventType\":\"TEXT_DELIVERED\",\"eventVersion\":\"1.0\",\"eventTimestamp\":%d,\"isFinal\":true,"
                        + "\"originationPhoneNumber\":\"+81800000000\",\"destinationPhoneNumber\":\"+819011112222\","
                        + "\"isoCountryCode\":\"JP\",\"isInternationalSend\":false,\"mcc\":\"440\",\"mnc\":\"10\","
                        + "\"messageId\":\"%s\",\"messageRequestTimestamp\":%d,\"messageEncoding\":\"GSM\","
                        + "\"messageType\":\"TRANSACTIONAL\",\"messageStatus\":\"DELIVERED\","
                        + "\"messageStatusDescription\":\"Message has been delivered\","
                        + "\"context\":{\"hato_message_id\":\"%d\"},\"totalMessageParts\":1,"
                        + "\"totalMessagePrice\":0.07451,\"totalCarrierFee\":0.0}")
                .formatted(now, providerId, now - 1000, messageId);
    }

    private static String arn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** moto's CPU seconds from /proc: its process and its descendants (a pyenv shim starts Python under it). */
    static final class MotoCpu {
        static double seconds(long pid) {
            double total = 0;
            List<ProcessHandle> all = new ArrayList<>();
            ProcessHandle.of(pid).ifPresent(p -> {
                all.add(p);
                p.descendants().forEach(all::add);
            });
            for (ProcessHandle p : all) {
                try {
                    String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                } catch (Exception e) {
                    // Gone meanwhile: its time is no longer readable.
                }
            }
            return total;
        }
    }
}
