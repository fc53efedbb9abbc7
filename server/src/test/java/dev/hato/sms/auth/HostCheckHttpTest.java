package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a page whose name now points at this service reaches it with its own name in Host and
 * Origin. The service answers only to its allowed hosts (here localhost and 127.0.0.1), so that page
 * gets 400 problem JSON before any session is read or any login checked.
 */
class HostCheckHttpTest extends HttpTest {

    static final byte[] LOGIN =
            "{\"username\":\"admin\",\"password\":\"password123\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRebindingPagesHostIsRefusedBeforeLogin() throws Exception {
        RawHttp http = new RawHttp(port);

        RawHttp.Answer rebound = http.send(
                "POST /api/auth/login HTTP/1.1\r\nHost: evil.test:8080\r\nOrigin: http://evil.test:8080"
                        + "\r\nContent-Type: application/json",
                LOGIN);

        assertThat(rebound.status()).isEqualTo(400);
        assertThat(rebound.header("content-type")).startsWith("application/problem+json");
        assertThat(rebound.text()).contains("urn:sms:problem:host-not-allowed");
        assertThat(rebound.header("set-cookie"))
                .as("no session, no CSRF cookie")
                .isNull();
    }

    @Test
    void onlyTheAllowedNamesAreServedWhateverTheirCaseOrPort() throws Exception {
        RawHttp http = new RawHttp(port);

        assertThat(status(http, "localhost:" + port)).isEqualTo(204);
        assertThat(status(http, "127.0.0.1:" + port)).isEqualTo(204);
        assertThat(status(http, "LOCALHOST")).isEqualTo(204);
        assertThat(status(http, "localhost.evil.test")).isEqualTo(400);
        assertThat(status(http, "evil.test")).isEqualTo(400);
        assertThat(status(http, "")).isEqualTo(400);
    }

    static int status(RawHttp http, String host) throws Exception {
        return http.send("GET /api/auth/csrf HTTP/1.1\r\nHost: " + host, null).status();
    }
}
