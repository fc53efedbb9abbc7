package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OwnSessionsHttpTest extends HttpTest {

    @Autowired
    TestUsers testUsers;

    @Test
    void aMemberSeesTheirSessionsWithAddressAndBrowserAndEndsAnotherOne() {
        String user = testUsers.staff();
        ApiClient desk = loggedIn(user, "Desk browser/1.0");
        ApiClient phone = loggedIn(user, "Phone browser/2.0");

        List<JsonNode> sessions = list(desk.get("/api/auth/sessions").json());
        JsonNode other = sessions.stream()
                .filter(s -> !s.path("current").asBoolean())
                .findFirst()
                .orElseThrow();
        ApiClient.Response ended =
                desk.delete("/api/auth/sessions/" + other.path("id").asString());

        assertThat(sessions).hasSize(2);
        assertThat(sessions)
                .extracting(s -> s.path("browser").asString())
                .containsExactlyInAnyOrder("Desk browser/1.0", "Phone browser/2.0");
        assertThat(sessions)
                .allSatisfy(s -> assertThat(s.path("address").asString()).isEqualTo("127.0.0.1"));
        assertThat(other.path("browser").asString()).isEqualTo("Phone browser/2.0");
        assertThat(other.path("id").asString()).doesNotContain(phone.cookie("sessionid"));
        assertThat(ended.status()).isEqualTo(204);
        ApiClient.Response afterwards = phone.get("/api/customers");
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.json().path("type").asString()).endsWith(":session-revoked");
        assertThat(list(desk.get("/api/auth/sessions").json())).hasSize(1);
    }

    @Test
    void endingAllOthersKeepsThisOneAndNobodyEndsAnotherMembersSession() {
        String user = testUsers.staff();
        ApiClient here = loggedIn(user, "Here/1");
        ApiClient there = loggedIn(user, "There/1");
        ApiClient stranger = loggedIn(testUsers.staff(), "Stranger/1");
        String strangersSession = list(stranger.get("/api/auth/sessions").json())
                .get(0)
                .path("id")
                .asString();
        String mine = list(here.get("/api/auth/sessions").json()).stream()
                .filter(s -> s.path("current").asBoolean())
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();

        ApiClient.Response notMine = here.delete("/api/auth/sessions/" + strangersSession);
        ApiClient.Response thisOne = here.delete("/api/auth/sessions/" + mine);
        ApiClient.Response junk = here.delete("/api/auth/sessions/not-a-session");
        ApiClient.Response all = here.delete("/api/auth/sessions");

        assertThat(notMine.status()).isEqualTo(404);
        assertThat(stranger.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(thisOne.status()).isEqualTo(400);
        assertThat(junk.status()).isEqualTo(404);
        assertThat(all.json().path("ended").asInt()).isEqualTo(1);
        assertThat(there.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
    }

    private ApiClient loggedIn(String user, String browser) {
        ApiClient c = client().header("User-Agent", browser);
        assertThat(c.login(user, TestUsers.PASSWORD).status()).isEqualTo(200);
        return c;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
