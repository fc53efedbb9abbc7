package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.CsvRows;
import dev.hato.sms.support.LoggedInTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class HistoryExportHttpTest extends LoggedInTest {

    @Autowired
    DeliveryReceipts receipts;

    @Test
    void exportsTheFilteredHistoryAsExcelCsvThatParsesBackWithJapaneseIntactAndFormulasNeutralised() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        JsonNode japanese =
                sent(api.send(phone, api.token(customer), customer, api.template(customer, "山田様、ご予約は１２月３日です。")));
        JsonNode formula = sent(api.send(
                phone, api.token(customer), customer, api.template(customer, "=HYPERLINK(\"http://x\",\"a,b\")")));
        receipts.apply(new DeliveryReceipt(
                japanese.path("id").asLong(),
                japanese.path("provider_message_id").asString(),
                DeliveryReceipt.Outcome.DELIVERED,
                "TEXT_DELIVERED",
                "Message has been delivered",
                2,
                new BigDecimal("0.14902"),
                Instant.now()));

        ApiClient.Response export = client.get("/api/sms/history/export?customer_id=" + customer);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"sms-history-\\d{8}-\\d{6}\\.csv\"");
        String text = export.text();
        assertThat(text).startsWith("\uFEFFid,created_at,");
        assertThat(text.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n");
        List<List<String>> rows = CsvRows.parse(text.substring(1));
        assertThat(rows.get(0)).isEqualTo(HistoryExport.HEADER);
        assertThat(rows).hasSize(3);
        List<String> newest = rows.get(1);
        List<String> older = rows.get(2);
        assertThat(cell(newest, "id")).isEqualTo(formula.path("id").asString());
        assertThat(cell(newest, "body")).isEqualTo("'=HYPERLINK(\"http://x\",\"a,b\")");
        assertThat(cell(older, "body")).isEqualTo("山田様、ご予約は１２月３日です。");
        assertThat(cell(older, "status")).isEqualTo("delivered");
        assertThat(cell(older, "parts")).isEqualTo("2");
        assertThat(cell(older, "price_usd")).isEqualTo("0.14902");
        assertThat(cell(older, "carrier_status")).isEqualTo("TEXT_DELIVERED");
        assertThat(cell(older, "carrier_description")).isEqualTo("Message has been delivered");
        assertThat(cell(older, "sent_by")).isEqualTo(username);
        // E.164 starts with "+", which Excel would read as a formula: shown as text instead.
        assertThat(cell(older, "phone_number")).isEqualTo("'+81" + phone.substring(1));
        for (String time : List.of("created_at", "sent_at", "delivered_at")) {
            assertThat(cell(older, time)).as(time).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+09:00");
        }
        assertThat(cell(newest, "delivered_at")).isEmpty();
    }

    @Test
    void theHistoryFiltersApplyAndNoMatchIsAHeaderOnly() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        sent(api.send(phone, api.token(customer), customer, api.template(customer, "hi")));

        ApiClient.Response failedOnly = client.get("/api/sms/history/export?status=failed&customer_id=" + customer);
        ApiClient.Response byPhone = client.get("/api/sms/history/export?phone_number=" + phone);

        assertThat(CsvRows.parse(failedOnly.text().substring(1))).hasSize(1);
        assertThat(CsvRows.parse(byPhone.text().substring(1))).hasSize(2);
    }

    @Test
    void aBadFilterIsProblemJsonNotAFile() {
        ApiClient.Response response = client.get("/api/sms/history/export?status=lost");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("validation-failed");
    }

    private JsonNode sent(ApiClient.Response accepted) {
        long id = accepted.json().path("id").asLong();
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> client.get("/api/sms/messages/" + id).json(),
                        m -> m.path("status").asString().equals("sent"));
    }

    private static String cell(List<String> row, String column) {
        return row.get(HistoryExport.HEADER.indexOf(column));
    }
}
