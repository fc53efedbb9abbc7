package dev.hato.sms.reliability;

import dev.hato.sms.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady send load for fault tests: threads loop over the full flow (customer, token, template,
 * send) and count every answer. Accepted messages (202) are remembered by id, so a test can check
 * afterwards that each was sent exactly once.
 */
final class SteadySends implements AutoCloseable {

    final Set<Long> accepted = ConcurrentHashMap.newKeySet();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger otherErrors = new AtomicInteger();
    final AtomicInteger notProblemJson = new AtomicInteger();
    final AtomicLong slowestErrorMillis = new AtomicLong();
    final List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private final AtomicLong numbers = new AtomicLong(Math.floorMod(System.nanoTime(), 1_000_000L));

    SteadySends(String baseUrl, String username, String password, int threadCount, long pauseMillis) {
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> loop(baseUrl, username, password, pauseMillis), "steady-sends-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop(String baseUrl, String username, String password, long pauseMillis) {
        ApiClient client = new ApiClient(baseUrl);
        while (running && client.login(username, password).status() != 200) {
            pause(200);
        }
        while (running) {
            String phone = String.format("0902%07d", numbers.incrementAndGet() % 10_000_000L);
            ApiClient.Response customer = call(client, "POST", "/api/customers", Map.of("phone_number", phone));
            if (customer != null && customer.status() == 201) {
                long customerId = customer.json().path("id").asLong();
                ApiClient.Response token = call(client, "POST", "/api/tokens", Map.of("customer_id", customerId));
                ApiClient.Response template = call(
                        client,
                        "POST",
                        "/api/customers/" + customerId + "/templates",
                        Map.of("name", "t", "content", "ご登録ありがとうございます。"));
                if (token != null && token.status() == 201 && template != null && template.status() == 201) {
                    ApiClient.Response send = call(
                            client,
                            "POST",
                            "/api/sms/send",
                            Map.of(
                                    "phone_number",
                                    phone,
                                    "token",
                                    token.json().path("token").asString(),
                                    "customer_id",
                                    customerId,
                                    "template_id",
                                    template.json().path("id").asLong()));
                    if (send != null && send.status() == 202) {
                        accepted.add(send.json().path("id").asLong());
                    }
                }
            }
            if (client.cookie("sessionid") == null) {
                client.login(username, password);
            }
            pause(pauseMillis);
        }
    }

    private ApiClient.Response call(ApiClient client, String method, String path, Object body) {
        long started = System.nanoTime();
        ApiClient.Response response;
        try {
            response = client.send(method, path, body, Map.of());
        } catch (RuntimeException e) {
            otherErrors.incrementAndGet();
            samples.add(method + " " + path + ": no answer " + e);
            return null;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        requests.incrementAndGet();
        if (response.status() < 400) {
            ok.incrementAndGet();
            return response;
        }
        slowestErrorMillis.accumulateAndGet(millis, Math::max);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            notProblemJson.incrementAndGet();
            samples.add(method + " " + path + ": " + response.status() + " " + type);
        }
        if (response.status() == 503) {
            unavailable.incrementAndGet();
        } else {
            otherErrors.incrementAndGet();
            if (samples.size() < 20) {
                samples.add(method + " " + path + ": " + response.status() + " " + response.text());
            }
        }
        return response;
    }

    /** The load's pacing between requests (its think time), not a wait for an outcome. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(15_000);
        }
    }

    String summary() {
        return "requests " + requests + ", ok " + ok + ", 503 " + unavailable + ", other errors " + otherErrors
                + ", not problem JSON " + notProblemJson + ", slowest error " + slowestErrorMillis + " ms, accepted "
                + accepted.size();
    }
}
