package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.RawHttp;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The defaults around the Host check: on loopback the loopback names, elsewhere none (the service does
 * not start without them), HSTS once the service runs behind HTTPS, and no API docs off the embedded
 * database. One instance, on loopback behind
 * a proxy that says whether the client came over TLS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostCheckDefaultsTest {

    ConfigurableApplicationContext service;
    RawHttp http;

    @BeforeAll
    void start() {
        service = ServiceInstance.start(
                TestDatabase.jdbcUrl(),
                null,
                "--server.address=127.0.0.1",
                "--server.forward-headers-strategy=native",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                "--sms.dispatch.enabled=false");
        http = new RawHttp(
                ((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void onLoopbackWithoutSettingsTheLoopbackNamesAreTheAllowedHosts() throws Exception {
        assertThat(HostCheckHttpTest.status(http, "localhost")).isEqualTo(204);
        assertThat(HostCheckHttpTest.status(http, "127.0.0.1:8080")).isEqualTo(204);
        assertThat(HostCheckHttpTest.status(http, "[::1]:8080")).isEqualTo(204);
        assertThat(HostCheckHttpTest.status(http, "evil.test")).isEqualTo(400);
    }

    @Test
    void onEveryInterfaceWithoutAllowedHostsTheServiceDoesNotStart() {
        assertThatThrownBy(() -> ServiceInstance.start(
                                TestDatabase.jdbcUrl(),
                                null,
                                "--server.address=0.0.0.0",
                                "--sms.dispatch.enabled=false")
                        .close())
                .rootCause()
                .hasMessageContaining("sms.security.allowed-hosts is not set")
                .hasMessageContaining("every interface");
    }

    @Test
    void behindHttpsTheServiceSendsStrictTransportSecurity() throws Exception {
        RawHttp.Answer viaTls = http.send("GET /api/auth/csrf HTTP/1.1\r\nX-Forwarded-Proto: https", null);
        RawHttp.Answer plain = http.send("GET /api/auth/csrf HTTP/1.1", null);

        assertThat(viaTls.header("strict-transport-security")).contains("max-age=");
        assertThat(plain.header("strict-transport-security")).isNull();
    }

    @Test
    void offTheEmbeddedDatabaseTheApiDocsAreNotServedEvenToStaff() {
        String username = "docs" + System.nanoTime();
        service.getBean(Users.class)
                .create(username, "", service.getBean(PasswordEncoder.class).encode("docs-password"), true, false);
        ApiClient staff = new ApiClient(ServiceInstance.baseUrl(service));
        assertThat(staff.login(username, "docs-password").status()).isEqualTo(200);

        assertThat(staff.get("/v3/api-docs").status()).isEqualTo(404);
        assertThat(staff.get("/swagger-ui.html").status()).isEqualTo(404);
    }
}
