package dev.hato.sms.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A shutdown first reports "not ready" while still serving, so a load balancer can stop sending first. */
class ShutdownDrainTest {

    @Test
    void readinessGoesDownWhileTheServerStillAnswersDuringTheDrain() throws Exception {
        ConfigurableApplicationContext service =
                ServiceInstance.start(TestDatabase.jdbcUrl(), null, "--sms.shutdown.drain-period=3s");
        ApiClient client = new ApiClient(ServiceInstance.baseUrl(service));
        assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);

        Thread closing = new Thread(service::close);
        closing.start();

        // Readiness goes DOWN at once and stays so for the 3-s drain.
        await().atMost(Duration.ofSeconds(2))
                .until(() -> client.get("/actuator/health/readiness").status() == 503);
        assertThat(service.isActive()).as("still draining").isTrue();
        assertThat(client.get("/api/auth/csrf").status())
                .as("still serving while draining")
                .isEqualTo(204);
        closing.join(60_000);
        assertThat(service.isActive()).isFalse();
    }
}
