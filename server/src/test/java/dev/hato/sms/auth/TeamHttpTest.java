package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class TeamHttpTest extends LoggedInTest {

    static final String CHOSEN = "violet tugboat ledger thimble";

    @Autowired
    JdbcClient jdbc;

    @Override
    protected boolean asSuperuser() {
        return true;
    }

    @Test
    void aNewMemberLogsInWithTheGeneratedPasswordAndMustChangeIt() {
        String name = "member" + System.nanoTime();
        ApiClient.Response added = client.post(
                "/api/users",
                Map.of(
                        "username",
                        name,
                        "full_name",
                        "佐藤 花子",
                        "employee_id",
                        "E" + System.nanoTime(),
                        "email",
                        name + "@example.com"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("must_change_password").asBoolean()).isTrue();
        String generated = added.json().path("generated_password").asString();
        assertThat(generated).hasSize(23);
        ApiClient member = client();
        ApiClient.Response login = member.login(name, generated);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("must_change_password").asBoolean()).isTrue();
        assertThat(member.get("/api/customers").status()).isEqualTo(403);
        assertThat(member.post("/api/auth/password", Map.of("current_password", generated, "new_password", CHOSEN))
                        .status())
                .isEqualTo(204);
        assertThat(member.get("/api/customers").status()).isEqualTo(200);
        JsonNode listed = listed(name);
        assertThat(listed.path("full_name").asString()).isEqualTo("佐藤 花子");
        assertThat(listed.path("is_staff").asBoolean()).isTrue();
        assertThat(listed.path("is_superuser").asBoolean()).isFalse();
        assertThat(listed.path("must_change_password").asBoolean()).isFalse();
        assertThat(listed.path("sessions_open").asInt()).isEqualTo(1);
        assertThat(listed.path("last_login").isNull()).isFalse();
    }

    @Test
    void aChosenPasswordMustPassThePolicyAndNamesAndEmployeeIdsAreUnique() {
        String name = "member" + System.nanoTime();
        String employee = "E" + System.nanoTime();

        ApiClient.Response weak = client.post("/api/users", Map.of("username", name, "password", "password1234"));
        ApiClient.Response chosen =
                client.post("/api/users", Map.of("username", name, "password", CHOSEN, "employee_id", employee));
        ApiClient.Response sameName = client.post("/api/users", Map.of("username", name));
        ApiClient.Response sameEmployee =
                client.post("/api/users", Map.of("username", name + "x", "employee_id", employee));
        ApiClient.Response badName = client.post("/api/users", Map.of("username", "two words"));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").has("password")).isTrue();
        assertThat(chosen.status()).isEqualTo(201);
        assertThat(chosen.json().path("generated_password").isNull()).isTrue();
        assertThat(sameName.json().path("type").asString()).endsWith(":username-taken");
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameEmployee.json().path("type").asString()).endsWith(":employee-id-taken");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(client().login(name, CHOSEN)
                        .json()
                        .path("must_change_password")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void deactivatingEndsTheMembersSessionsAtOnceAndReactivatingLetsThemBackIn() {
        String name = testUsers.staff();
        long id = idOf(name);
        ApiClient member = client();
        member.login(name, TestUsers.PASSWORD);
        assertThat(member.get("/api/customers").status()).isEqualTo(200);

        ApiClient.Response off = client.patch("/api/users/" + id, Map.of("is_active", false));

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("is_active").asBoolean()).isFalse();
        assertThat(off.json().path("sessions_open").asInt()).isZero();
        ApiClient.Response ended = member.get("/api/customers");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.json().path("type").asString()).endsWith(":session-revoked");
        assertThat(client().login(name, TestUsers.PASSWORD).status()).isEqualTo(401);
        assertThat(client.patch("/api/users/" + id, Map.of("is_active", true)).status())
                .isEqualTo(200);
        assertThat(client().login(name, TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aResetEndsTheSessionsAndTheNextLoginMustChooseANewPassword() {
        String name = testUsers.staff();
        long id = idOf(name);
        ApiClient member = client();
        member.login(name, TestUsers.PASSWORD);

        ApiClient.Response reset = client.post("/api/users/" + id + "/password", Map.of());

        assertThat(reset.status()).isEqualTo(200);
        String generated = reset.json().path("generated_password").asString();
        assertThat(member.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(client().login(name, TestUsers.PASSWORD).status()).isEqualTo(401);
        ApiClient.Response login = client().login(name, generated);
        assertThat(login.json().path("must_change_password").asBoolean()).isTrue();
    }

    @Test
    void endingAMembersSessionsLogsThemOutEverywhere() {
        String name = testUsers.staff();
        ApiClient one = client();
        ApiClient two = client();
        one.login(name, TestUsers.PASSWORD);
        two.login(name, TestUsers.PASSWORD);

        ApiClient.Response ended = client.delete("/api/users/" + idOf(name) + "/sessions");

        assertThat(ended.json().path("ended").asInt()).isEqualTo(2);
        assertThat(one.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(two.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void theLastActiveSuperuserCanBeNeitherDeactivatedNorDemoted() {
        long me = client.get("/api/auth/me").json().path("id").asLong();
        // Leave this test's superuser the only active one, for the test's length only.
        List<Long> others = jdbc.sql("select id from users where is_active and is_superuser and id <> ?")
                .param(me)
                .query(Long.class)
                .list();
        jdbc.sql("update users set is_active = false where id in (:ids)")
                .param("ids", others.isEmpty() ? List.of(-1L) : others)
                .update();
        try {
            ApiClient.Response demote = client.patch("/api/users/" + me, Map.of("is_superuser", false));
            ApiClient.Response deactivate = client.patch("/api/users/" + me, Map.of("is_active", false));
            long second = idOf(testUsers.staff());
            ApiClient.Response grant = client.patch("/api/users/" + second, Map.of("is_superuser", true));
            ApiClient.Response demoteNow = client.patch("/api/users/" + me, Map.of("is_superuser", false));

            assertThat(demote.status()).isEqualTo(409);
            assertThat(demote.json().path("type").asString()).endsWith(":last-superuser");
            assertThat(deactivate.status()).isEqualTo(409);
            assertThat(grant.json().path("is_superuser").asBoolean()).isTrue();
            assertThat(demoteNow.status()).isEqualTo(200);
            assertThat(demoteNow.json().path("is_superuser").asBoolean()).isFalse();
        } finally {
            jdbc.sql("update users set is_active = true where id in (:ids)")
                    .param("ids", others.isEmpty() ? List.of(-1L) : others)
                    .update();
        }
    }

    @Test
    void aStaffMemberWithoutTheSuperuserFlagMayNotManageTheTeam() {
        ApiClient staff = client();
        staff.login(testUsers.staff(), TestUsers.PASSWORD);

        ApiClient.Response list = staff.get("/api/users");
        ApiClient.Response add = staff.post("/api/users", new HashMap<>(Map.of("username", "sneaky")));

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().path("detail").asString()).contains("manage the team");
        assertThat(add.status()).isEqualTo(403);
    }

    private JsonNode listed(String name) {
        for (JsonNode member : client.get("/api/users").json()) {
            if (member.path("username").asString().equals(name)) {
                return member;
            }
        }
        throw new AssertionError(name + " not listed");
    }

    private long idOf(String name) {
        return jdbc.sql("select id from users where username = ?")
                .param(name)
                .query(Long.class)
                .single();
    }
}
