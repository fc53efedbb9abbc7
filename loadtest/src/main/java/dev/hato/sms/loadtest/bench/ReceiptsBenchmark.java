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
import java.util.Collections;
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
                        "| receipts | all applied after (s) | events/s | service CPU ms/event (above idle)"
                                + " | PostgreSQL CPU ms/event (above idle) | moto CPU ms/event |%n"
                                + "|---:|---:|---:|---:|---:|---:|%n"
                                + "| %,d | %.1f | %,.0f | %.2f (%.2f) | %.2f (%.2f) | %.2f |%n",
                        messages,
                        (double) row.get("seconds"),
                        (double) row.get("events_per_second"),
                        (double) row.get("service_cpu_ms_per_event"),
                        (double) row.get("service_cpu_ms_per_event_above_idle"),
                        (double) row.get("postgres_cpu_ms_per_event"),
                        (double) row.get("postgres_cpu_ms_per_event_above_idle"),
                        (double) row.get("moto_cpu_ms_per_event"));
            }
        }
    }

    private static Map<String, Object> measure(
            Cluster cluster, MotoServer moto, SqsClient sqs, String queueUrl, int messages) throws Exception {
        ProcessCpu cpu = new ProcessCpu(cluster::pids);
        List<String> events = new ArrayList<>(messages);
        List<Long> ids = new ArrayList<>(messages);
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
                    ids.add(rs.getLong(1));
                    events.add(event(rs.getLong(1), rs.getString(2), now));
                }
            }
            // What the instance and moto spend idle (samplers, pollers, empty long polls), so that the
            // per-event figures can also be given above it.
            ProcessCpu.Reading idleFrom = cpu.read();
            double motoIdleFrom = MotoCpu.seconds(moto.pid());
            long idleStarted = System.nanoTime();
            Thread.sleep(IDLE_MILLIS);
            ProcessCpu.Reading idleTo = cpu.read();
            double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;
            double serviceIdle = (idleTo.service() - idleFrom.service()) / idleSeconds;
            double postgresIdle = (idleTo.postgres() - idleFrom.postgres()) / idleSeconds;
            double motoIdle = (MotoCpu.seconds(moto.pid()) - motoIdleFrom) / idleSeconds;
            ProcessCpu.Reading before = cpu.read();
            double motoBefore = MotoCpu.seconds(moto.pid());
            long started = System.nanoTime();
            // moto slows with its depth (docs/performance.md): events go in as the service takes them, at
            // most AHEAD ahead.
            Progress progress = new Progress(sql, ids);
            long delivered = 0;
            for (int from = 0; from < events.size(); from += CHUNK) {
                enqueue(sqs, queueUrl, events.subList(from, Math.min(events.size(), from + CHUNK)));
                int queued = Math.min(events.size(), from + CHUNK);
                while (queued - delivered > AHEAD && System.nanoTime() - started < LIMIT_NANOS) {
                    Thread.sleep(20);
                    delivered = progress.delivered(queued);
                }
            }
            double enqueueSeconds = (System.nanoTime() - started) / 1e9;
            while (delivered < messages && System.nanoTime() - started < LIMIT_NANOS) {
                Thread.sleep(50);
                delivered = progress.delivered(messages);
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
            row.put("idle_seconds", idleSeconds);
            row.put("service_idle_cores", serviceIdle);
            row.put("postgres_idle_cores", postgresIdle);
            row.put("moto_idle_cores", motoIdle);
            row.put(
                    "service_cpu_ms_per_event_above_idle",
                    ((after.service() - before.service()) - serviceIdle * seconds) * 1000 / Math.max(1, delivered));
            row.put(
                    "postgres_cpu_ms_per_event_above_idle",
                    ((after.postgres() - before.postgres()) - postgresIdle * seconds) * 1000 / Math.max(1, delivered));
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

    static final int CHUNK = 10;
    static final int AHEAD = 20;
    static final long IDLE_MILLIS = 10_000;
    static final long LIMIT_NANOS = 3_600_000_000_000L;

    /**
     * Counts the applied events without scanning the table each time: everything below the first
     * event not yet applied is done, so only the window from there to the last one queued is read
     * (by primary key).
     */
    static final class Progress {
        private final Statement sql;
        private final List<Long> ids;
        private int done;

        Progress(Statement sql, List<Long> ids) {
            this.sql = sql;
            this.ids = ids;
        }

        long delivered(int queued) throws Exception {
            if (done >= queued) {
                return done;
            }
            try (ResultSet rs = sql.executeQuery("select min(id) filter (where status <> 'delivered'),"
                    + " count(*) filter (where status = 'delivered') from messages where id between "
                    + ids.get(done) + " and " + ids.get(queued - 1))) {
                rs.next();
                long firstOpen = rs.getLong(1);
                boolean anyOpen = !rs.wasNull();
                long applied = done + rs.getLong(2);
                if (!anyOpen) {
                    done = queued;
                } else {
                    int at = Collections.binarySearch(ids, firstOpen);
                    if (at >= 0) {
                        done = at;
                    }
                }
                return applied;
            }
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
