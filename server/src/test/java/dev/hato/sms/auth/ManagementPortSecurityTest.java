package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Sessionless access exists only for actuator, on a separate management port, on loopback. */
class ManagementPortSecurityTest {

    @Test
    void aManagementPortEqualToTheMainPortOpensNothing() throws IOException {
        int port = freePort();
        try (ConfigurableApplicationContext context =
                start("--server.port=" + port, "--management.server.port=" + port)) {
            ApiClient anonymous = new ApiClient("http://localhost:" + port);

            assertThat(anonymous.get("/api/customers").status()).isEqualTo(401);
            assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        }
    }

    @Test
    void aSeparateLoopbackManagementPortServesMetricsWithoutSessionButNoApi() throws IOException {
        int port = freePort();
        int management = freePort();
        try (ConfigurableApplicationContext context = start(
                "--server.port=" + port,
                "--management.server.port=" + management,
                "--management.server.address=127.0.0.1")) {
            ApiClient scraper = new ApiClient("http://127.0.0.1:" + management);

            assertThat(scraper.get("/actuator/prometheus").status()).isEqualTo(200);
            assertThat(scraper.get("/api/customers").status()).isIn(401, 404);
            assertThat(new ApiClient("http://localhost:" + port)
                            .get("/actuator/prometheus")
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void aManagementPortOnEveryInterfaceRefusesToStartUnlessAllowed() throws IOException {
        int management = freePort();

        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=" + management)
                        .close())
                .hasStackTraceContaining("must listen on loopback");
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--sms.dispatch.enabled=false";
        all[args.length + 1] = "--sms.scheduling.enabled=false";
        return ServiceInstance.start(TestDatabase.jdbcUrl(), null, all);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
