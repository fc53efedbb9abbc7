package dev.hato.sms.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hato.sms.web.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class CsvFilePropertyTest {

    @Property(tries = 300)
    void whatAnRfc4180WriterWritesReadsBackCellForCellInUtf8AndShiftJis(
            @ForAll("rows") List<List<String>> rows, @ForAll boolean shiftJis) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.excel(out, List.of("電話番号", "氏名"))) {
            for (List<String> row : rows) {
                csv.row(row);
            }
        }
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        byte[] file = shiftJis ? text.substring(1).getBytes(CsvFile.WINDOWS_31J) : out.toByteArray();

        CsvFile.Parsed parsed = CsvFile.read(file, null);

        assertThat(parsed.charset().name()).isEqualTo(shiftJis ? "windows-31j" : "UTF-8");
        assertThat(parsed.columns()).isEqualTo(new CsvFile.Columns(0, 1, -1));
        assertThat(parsed.rows())
                .isEqualTo(rows.stream()
                        .filter(r -> r.stream().anyMatch(c -> !c.isBlank()))
                        .toList());
    }

    @Property(tries = 200)
    void noFileMakesTheReaderFailOtherwiseThanWithARefusal(@ForAll @Size(max = 400) byte[] bytes) {
        try {
            CsvFile.read(bytes, null);
        } catch (CsvFile.Refusal refusal) {
            assertThat(refusal.code).isNotBlank();
        }
    }

    @Property(tries = 20)
    void aRowWiderThanFiftyColumnsIsRefusedWhateverItsWidth(@ForAll("wide") int columns) {
        String header = "phone_number" + ",x".repeat(columns - 1);

        assertThatThrownBy(() -> CsvFile.read(header.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(
                        CsvFile.Refusal.class, r -> assertThat(r.code).isEqualTo("too-many-columns"));
    }

    @Provide
    Arbitrary<Integer> wide() {
        return Arbitraries.integers().between(CsvFile.MAX_COLUMNS + 1, 20_000);
    }

    /** Cells of what customer lists hold (kana, kanji, ASCII, commas, quotes, line breaks), no formula start. */
    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> cell = Arbitraries.strings()
                .withChars("山田太郎花子あいうアイウ0123456789abcXYZ ,\"\n-()")
                .ofMaxLength(12)
                .filter(s -> s.isEmpty() || "=+-@".indexOf(s.charAt(0)) < 0);
        return cell.list().ofSize(2).list().ofMaxSize(8);
    }
}
