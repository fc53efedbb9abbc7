package dev.hato.sms.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CustomerImportHttpTest extends LoggedInTest {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    @Autowired
    JdbcClient jdbc;

    /** As Excel on a Japanese Windows saves "CSV (comma delimited)": Windows-31J, CRLF, no BOM. */
    private static byte[] excelShiftJis(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(SHIFT_JIS);
    }

    private static String fullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('０' + (c - '0')) : c);
        }
        return out.toString();
    }

    @Test
    void aShiftJisFileFromExcelPreviewsEachRowWithItsReasonThenImportsTheValidOnesOnce() {
        String id = "C" + System.nanoTime();
        String first = uniqueMobile();
        String last = uniqueMobile();
        byte[] file = excelShiftJis(
                "顧客ID,氏名,電話番号",
                id + "-1,山田 太郎,"
                        + fullWidth(first.substring(0, 3) + "-" + first.substring(3, 7) + "-" + first.substring(7)),
                id + "-2,佐藤 花子,03-1234-5678",
                id + "-3,鈴木 一郎," + first,
                id + "-4,\"=HYPERLINK(\"\"http://x\"\")\"," + uniqueMobile(),
                id + "-5,\"高橋, 次郎\"," + last);

        ApiClient.Response preview = client.upload("/api/customers/import?mode=preview", "file", "顧客.csv", file);

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        JsonNode result = preview.json();
        assertThat(result.path("encoding").asString()).isEqualTo("shift_jis");
        assertThat(result.path("rows").asInt()).isEqualTo(5);
        assertThat(result.path("created").asInt()).isZero();
        List<String> outcomes = new ArrayList<>();
        result.path("results")
                .forEach(r -> outcomes.add(
                        r.path("row").asInt() + " " + r.path("outcome").asString()
                                + (r.path("reason").isNull()
                                        ? ""
                                        : ": " + r.path("reason").asString())));
        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.get(0)).isEqualTo("2 create");
        assertThat(outcomes.get(1)).startsWith("3 refused: phone_number is a landline");
        assertThat(outcomes.get(2)).isEqualTo("4 refused: duplicate in the file: the same number as row 2");
        assertThat(outcomes.get(3)).startsWith("5 refused: name starts like a spreadsheet formula");
        assertThat(outcomes.get(4)).isEqualTo("6 create");
        assertThat(result.path("results").get(0).path("name").asString()).isEqualTo("山田 太郎");
        assertThat(result.path("results").get(4).path("name").asString()).isEqualTo("高橋, 次郎");
        assertThat(result.path("results").get(0).path("phone_number_e164").asString())
                .isEqualTo("+81" + first.substring(1));
        assertThat(imported(id)).isZero();

        JsonNode once = client.upload("/api/customers/import?mode=valid-only", "file", "顧客.csv", file)
                .json();
        JsonNode twice = client.upload("/api/customers/import?mode=valid-only", "file", "顧客.csv", file)
                .json();

        assertThat(once.path("created").asInt()).isEqualTo(2);
        assertThat(once.path("refused").asInt()).isEqualTo(3);
        assertThat(twice.path("created").asInt()).isZero();
        assertThat(twice.path("unchanged").asInt()).isEqualTo(2);
        assertThat(imported(id)).isEqualTo(2);
    }

    @Test
    void allOrNothingImportsEveryRowOrNoneAndUtf8WithABomReadsToo() {
        String id = "A" + System.nanoTime();
        String header = "\uFEFFexternal_id,name,phone_number";
        byte[] clean = (header + "\n" + id + "-1,Ito," + uniqueMobile() + "\n" + id + "-2,Kato," + uniqueMobile()
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] oneBad = (header + "\r\n" + id + "-3,Abe," + uniqueMobile() + "\r\n" + id + "-4,Ono,0312345678\r\n")
                .getBytes(StandardCharsets.UTF_8);

        ApiClient.Response refused =
                client.upload("/api/customers/import?mode=all-or-nothing", "file", "a.csv", oneBad);
        ApiClient.Response all = client.upload("/api/customers/import?mode=all-or-nothing", "file", "a.csv", clean);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).endsWith(":import-has-refused-rows");
        assertThat(refused.json().path("errors").path("row 3").toString()).contains("landline");
        assertThat(imported(id)).isEqualTo(2);
        assertThat(all.json().path("encoding").asString()).isEqualTo("utf-8");
        assertThat(all.json().path("created").asInt()).isEqualTo(2);
    }

    @Test
    void badFilesAreRefusedWithAClearReasonAndChangeNothing() {
        long before = customers();
        byte[] zipLike = new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        byte[] notUtf8 = excelShiftJis("電話番号", "09011112222");
        byte[] noPhone = "name,email\nYamada,y@example.com\n".getBytes(StandardCharsets.UTF_8);
        byte[] wide = ("phone_number" + ",x".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] longCell =
                ("phone_number,name\n09011112222," + "あ".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] unclosed = "phone_number,name\n09011112222,\"never closed\n".getBytes(StandardCharsets.UTF_8);
        byte[] tooBig = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooBig, (byte) 'a');

        assertRefused(client.upload("/api/customers/import?mode=valid-only", "file", "x.csv", zipLike), "not-csv");
        assertRefused(
                client.upload("/api/customers/import?mode=valid-only&encoding=utf-8", "file", "x.csv", notUtf8),
                "encoding");
        assertRefused(
                client.upload("/api/customers/import?mode=valid-only", "file", "x.csv", noPhone), "no-phone-column");
        assertRefused(
                client.upload("/api/customers/import?mode=valid-only", "file", "x.csv", wide), "too-many-columns");
        assertRefused(
                client.upload("/api/customers/import?mode=valid-only", "file", "x.csv", longCell), "cell-too-long");
        assertRefused(client.upload("/api/customers/import?mode=valid-only", "file", "x.csv", unclosed), "not-csv");
        ApiClient.Response big = client.upload("/api/customers/import?mode=valid-only", "file", "x.csv", tooBig);
        ApiClient.Response badMode = client.upload("/api/customers/import?mode=maybe", "file", "x.csv", noPhone);
        ApiClient.Response noFile = client.post("/api/customers/import", java.util.Map.of());

        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().path("type").asString()).endsWith(":import-too-large");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(noFile.status()).isIn(400, 415);
        assertThat(noFile.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(customers()).isEqualTo(before);
    }

    private void assertRefused(ApiClient.Response response, String reason) {
        assertThat(response.status()).as(reason + ": " + response.text()).isEqualTo(400);
        assertThat(response.json().path("type").asString()).endsWith(":import-file-refused");
        assertThat(response.json().path("errors").path("file").get(0).asString())
                .isEqualTo(reason);
    }

    private long imported(String idPrefix) {
        return jdbc.sql("select count(*) from customers where external_id like ?")
                .param(idPrefix + "-%")
                .query(Long.class)
                .single();
    }

    private long customers() {
        return jdbc.sql("select count(*) from customers").query(Long.class).single();
    }
}
