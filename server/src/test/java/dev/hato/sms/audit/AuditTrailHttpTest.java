package dev.hato.sms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.CsvRows;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.TestUsers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every audited action, done through the API: each writes exactly one entry, with who, what and where. */
class AuditTrailHttpTest extends LoggedInTest {

    static final String CHOSEN = "violet tugboat ledger thimble";

    @Autowired
    JdbcClient jdbc;

    @Override
    protected boolean asSuperuser() {
        return true;
    }

    @Test
    void everyAuditedActionWritesExactlyOneEntryWithWhoWhatWhereAndTheRequestId() {
        EnumSet<AuditAction> seen = EnumSet.noneOf(AuditAction.class);
        String phone = uniqueMobile();
        long customer = api.customer(phone);

        JsonNode created = one(
                seen,
                AuditAction.TEMPLATE_CREATED,
                username,
                () -> client.post(
                        "/api/customers/" + customer + "/templates", Map.of("name", "audit", "content", "hello")));
        long template = created.path("object_id").asLong();
        assertThat(created.path("after").path("content").asString()).isEqualTo("hello");
        JsonNode updated = one(
                seen,
                AuditAction.TEMPLATE_UPDATED,
                username,
                () -> client.put(
                        "/api/customers/" + customer + "/templates/" + template,
                        Map.of("name", "audit", "content", "hi")));
        assertThat(updated.path("before").path("content").asString()).isEqualTo("hello");
        assertThat(updated.path("after").path("content").asString()).isEqualTo("hi");
        String token = api.token(customer);
        JsonNode sent = one(seen, AuditAction.MESSAGE_SENT, username, () -> api.send(phone, token, customer, template));
        assertThat(sent.path("object_type").asString()).isEqualTo("message");
        assertThat(sent.path("after").path("customer_id").asLong()).isEqualTo(customer);
        one(
                seen,
                AuditAction.TEMPLATE_DELETED,
                username,
                () -> client.delete("/api/customers/" + customer + "/templates/" + template));
        JsonNode out = one(
                seen,
                AuditAction.CUSTOMER_OPTED_OUT,
                username,
                () -> client.patch("/api/customers/" + customer, Map.of("opted_out", true)));
        assertThat(out.path("after").path("opted_out").asBoolean()).isTrue();
        JsonNode in = one(
                seen,
                AuditAction.CUSTOMER_OPTED_IN,
                username,
                () -> client.patch(
                        "/api/customers/" + customer,
                        Map.of("opted_out", false, "reason", "consented again by phone")));
        assertThat(in.path("after").path("reason").asString()).isEqualTo("consented again by phone");
        byte[] list = ("phone_number,external_id\n" + uniqueMobile() + ",audit-" + System.nanoTime() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode imported = one(
                seen,
                AuditAction.CUSTOMERS_IMPORTED,
                username,
                () -> client.upload("/api/customers/import?mode=valid-only", "file", "list.csv", list));
        assertThat(imported.path("after").path("created").asInt()).isEqualTo(1);
        one(
                seen,
                AuditAction.HISTORY_EXPORTED,
                username,
                () -> client.get("/api/sms/history/export?customer_id=" + customer));

        String name = "audited" + System.nanoTime();
        JsonNode added = one(
                seen,
                AuditAction.MEMBER_ADDED,
                username,
                () -> client.post("/api/users", Map.of("username", name, "password", CHOSEN)));
        long member = added.path("object_id").asLong();
        JsonNode changed = one(
                seen,
                AuditAction.MEMBER_CHANGED,
                username,
                () -> client.patch("/api/users/" + member, Map.of("is_superuser", true)));
        assertThat(changed.path("before").toString()).isEqualTo("{\"is_superuser\":false}");
        assertThat(changed.path("after").toString()).isEqualTo("{\"is_superuser\":true}");
        String reset = CHOSEN + " again";
        one(
                seen,
                AuditAction.PASSWORD_RESET,
                username,
                () -> client.post("/api/users/" + member + "/password", Map.of("password", reset)));
        ApiClient them = client();
        JsonNode failed = one(seen, AuditAction.LOGIN_FAILED, name, () -> them.login(name, "not the password at all"));
        assertThat(failed.path("after").path("reason").asString()).isEqualTo("wrong password");
        one(seen, AuditAction.LOGIN_SUCCEEDED, name, () -> them.login(name, reset));
        one(
                seen,
                AuditAction.PASSWORD_CHANGED,
                name,
                () -> them.post("/api/auth/password", Map.of("current_password", reset, "new_password", CHOSEN)));
        one(
                seen,
                AuditAction.MEMBER_SESSIONS_ENDED,
                username,
                () -> client.delete("/api/users/" + member + "/sessions"));
        them.login(name, CHOSEN);
        one(seen, AuditAction.LOGOUT, name, () -> them.post("/api/auth/logout", Map.of()));
        one(seen, AuditAction.AUDIT_EXPORTED, username, () -> client.get("/api/audit/export?action=logout"));

        assertThat(seen).as("every audited action was tried").isEqualTo(EnumSet.allOf(AuditAction.class));
    }

    @Test
    void anEntryCanBeNeitherChangedNorDeletedAndTheApiOffersNoWayTo() {
        client.get("/api/audit/export?action=logout");
        long id = jdbc.sql("select max(id) from audit_events").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("update audit_events set action = 'logout' where id = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_events where id = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            assertThat(client.send(method, "/api/audit", Map.of(), Map.of()).status())
                    .as(method)
                    .isEqualTo(405);
        }
    }

    @Test
    void theExportIsCsvOfTheFilteredEntriesAndBadFiltersAreProblems() {
        ApiClient.Response csv = client.get("/api/audit/export?action=login.succeeded&actor=" + username);
        ApiClient.Response badAction = client.get("/api/audit?action=dance");
        ApiClient.Response badObject = client.get("/api/audit?object=:3");

        List<List<String>> rows = CsvRows.parse(csv.text().substring(1));
        assertThat(rows.get(0)).isEqualTo(AuditController.HEADER);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(AuditController.HEADER.indexOf("actor_username")))
                .isEqualTo(username);
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badObject.status()).isEqualTo(400);
    }

    @Test
    void staffWithoutTheSuperuserFlagMayNotReadIt() {
        ApiClient staff = client();
        staff.login(testUsers.staff(), TestUsers.PASSWORD);

        assertThat(staff.get("/api/audit").status()).isEqualTo(403);
        assertThat(staff.get("/api/audit/export").status()).isEqualTo(403);
    }

    /** Does the action and answers the one entry it wrote, after checking the fields every entry has. */
    private JsonNode one(
            EnumSet<AuditAction> seen, AuditAction action, String actor, Supplier<ApiClient.Response> act) {
        long mark = jdbc.sql("select coalesce(max(id), 0) from audit_events")
                .query(Long.class)
                .single();
        ApiClient.Response response = act.get();
        assertThat(response.status()).as(action + ": " + response.text()).isLessThan(500);
        List<JsonNode> written = entriesAfter(mark);
        assertThat(written).as(action + " wrote").hasSize(1);
        JsonNode entry = written.get(0);
        assertThat(entry.path("action").asString()).isEqualTo(action.value());
        assertThat(entry.path("actor_username").asString()).isEqualTo(actor);
        assertThat(entry.path("address").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.path("request_id").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(entry.path("at").isNull()).isFalse();
        assertThat(entry.toString()).doesNotContain("password\":\"").doesNotContain("{bcrypt}");
        seen.add(action);
        return entry;
    }

    private List<JsonNode> entriesAfter(long mark) {
        List<JsonNode> newer = new ArrayList<>();
        for (JsonNode entry : client.get("/api/audit?limit=200").json().path("results")) {
            if (entry.path("id").asLong() > mark) {
                newer.add(entry);
            }
        }
        return newer;
    }
}
