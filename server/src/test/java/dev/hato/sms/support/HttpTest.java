package dev.hato.sms.support;

import dev.hato.sms.SmsApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Full HTTP tests: the real server on a random port over the shared test PostgreSQL. */
// A datasource URL the environment has from the start, so the embedded-database default never starts
// an embedded PostgreSQL of its own for a test context (the dynamic property below, added later, is the
// one used; it wins over this).
@SpringBootTest(
        classes = SmsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:postgresql://localhost/set-by-TestDatabase")
@Import(TestClock.Config.class)
public abstract class HttpTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sms.security.login-throttle.max-failures-per-address", () -> "1000");
        // Listening on every interface (Spring's default): the hosts the tests' clients name.
        registry.add("sms.security.allowed-hosts", () -> "localhost,127.0.0.1");
        // Off by default off the embedded database; OpenApiTest and the hostile-input suite read them.
        registry.add("sms.api-docs.enabled", () -> "true");
        // Failed logins are padded to a fixed duration (LoginTimingTest measures it); not here.
        registry.add("sms.security.failed-login-duration", () -> "0ms");
        // Every HTTP test shares one outbox; at the production quota (20/s) a backlog left by one test
        // would delay the next one's delivery. Rate limiting has tests of its own.
        registry.add("sms.dispatch.rate-per-second", () -> "1000");
        // The shared context's tests read their messages as the provider left them (sent); the sandbox's
        // receipts, on by default, have tests of their own.
        registry.add("sms.sandbox.receipts", () -> "false");
        // Small enough that the import's size refusal is tried with a small file.
        registry.add("sms.import.max-bytes", () -> "1MB");
    }

    protected ApiClient client() {
        return new ApiClient("http://localhost:" + port);
    }
}
