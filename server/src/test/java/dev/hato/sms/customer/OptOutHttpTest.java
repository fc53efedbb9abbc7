package dev.hato.sms.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An opt-out belongs to the number: registering it again or editing a customer cannot bypass it, and
 * only a superuser may lift it, with a reason that is recorded.
 */
class OptOutHttpTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringAnOptedOutNumberAgainDoesNotBypassTheOptOut() {
        String phone = uniqueMobile();
        long first = api.customer(phone);
        assertThat(client.patch("/api/customers/" + first, Map.of("opted_out", true))
                        .status())
                .isEqualTo(200);

        long second = api.customer(phone);
        assertThat(client.get("/api/customers/" + second)
                        .json()
                        .path("opted_out")
                        .asBoolean())
                .isTrue();
        long template = api.template(second, "こんにちは");
        ApiClient.Response send = api.send(phone, api.token(second), second, template);

        assertThat(send.status()).isEqualTo(409);
        assertThat(send.type()).isEqualTo("urn:sms:problem:customer-opted-out");
    }

    @Test
    void aStaffMemberWithoutTheSuperuserFlagCannotLiftAnOptOutNorSendToTheNumber() {
        String phone = uniqueMobile();
        long id = api.customer(phone);
        client.patch("/api/customers/" + id, Map.of("opted_out", true));
        String name = client.get("/api/customers/" + id).json().path("name").toString();
        ApiClient other = client();
        other.login(testUsers.staff(), TestUsers.PASSWORD);

        ApiClient.Response lift =
                other.patch("/api/customers/" + id, Map.of("opted_out", false, "reason", "I say so", "name", "x"));

        assertThat(lift.status()).isEqualTo(403);
        assertThat(lift.type()).isEqualTo("urn:sms:problem:opt-out-lift-forbidden");
        assertThat(client.get("/api/customers/" + id).json().path("opted_out").asBoolean())
                .isTrue();
        assertThat(client.get("/api/customers/" + id).json().path("name").toString())
                .as("nothing of the refused change is kept")
                .isEqualTo(name);
        assertThat(api.send(phone, api.token(id), id, api.template(id, "こんにちは")).status())
                .isEqualTo(409);
    }

    @Test
    void liftingAnOptOutNeedsAReason() {
        long id = api.customer(uniqueMobile());
        client.patch("/api/customers/" + id, Map.of("opted_out", true));
        ApiClient superuser = client();
        superuser.login(testUsers.superuser(), TestUsers.PASSWORD);

        ApiClient.Response lift = superuser.patch("/api/customers/" + id, Map.of("opted_out", false, "reason", "  "));

        assertThat(lift.status()).isEqualTo(400);
        assertThat(lift.json().path("errors").has("reason")).isTrue();
        assertThat(client.get("/api/customers/" + id).json().path("opted_out").asBoolean())
                .isTrue();
    }

    @Test
    void aSuperuserLiftsAnOptOutWithAReasonRecordedWithWhoAndWhen() {
        String phone = uniqueMobile();
        long id = api.customer(phone);
        client.patch("/api/customers/" + id, Map.of("opted_out", true));
        String lifter = testUsers.superuser();
        ApiClient superuser = client();
        superuser.login(lifter, TestUsers.PASSWORD);

        ApiClient.Response back = superuser.patch(
                "/api/customers/" + id, Map.of("opted_out", false, "reason", "Asked in writing to receive SMS again"));

        assertThat(back.json().path("opted_out").asBoolean()).isFalse();
        String e164 = back.json().path("phone_number_e164").asString();
        assertThat(jdbc.sql("select string_agg(e.action || ':' || u.username || ':' || coalesce(e.reason, '-'), ','"
                                + " order by e.id) from suppression_events e join users u on u.id = e.actor"
                                + " where e.phone_number_e164 = ?")
                        .param(e164)
                        .query(String.class)
                        .single())
                .isEqualTo("opt-out:" + username + ":-,opt-in:" + lifter + ":Asked in writing to receive SMS again");
        assertThat(api.send(phone, api.token(id), id, api.template(id, "おかえりなさい"))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void optedOutFalseForANumberThatIsNotOptedOutChangesNothingAndNeedsNoSuperuser() {
        long id = api.customer(uniqueMobile());

        assertThat(client.patch("/api/customers/" + id, Map.of("opted_out", false))
                        .status())
                .isEqualTo(200);
    }
}
