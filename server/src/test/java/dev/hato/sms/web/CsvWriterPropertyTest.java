package dev.hato.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.CsvRows;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CsvWriterPropertyTest {

    @Property(tries = 300)
    void everyRowParsesBackCellForCellWithFormulasNeutralised(
            @ForAll @Size(min = 1, max = 5) List<@StringLength(max = 12) String> header,
            @ForAll @Size(max = 6) List<@Size(min = 1, max = 5) List<@StringLength(max = 20) String>> rows)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.excel(out, header)) {
            for (List<String> row : rows) {
                csv.row(row);
            }
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);

        List<List<String>> parsed = CsvRows.parse(text);

        assertThat(parsed).hasSize(rows.size() + 1);
        assertThat(parsed.get(0))
                .isEqualTo(header.stream().map(CsvWriter::neutralised).toList());
        for (int i = 0; i < rows.size(); i++) {
            List<String> expected =
                    rows.get(i).stream().map(CsvWriter::neutralised).toList();
            assertThat(parsed.get(i + 1)).isEqualTo(expected);
        }
    }

    @Property
    void noCellStartsWithWhatASpreadsheetRunsAsAFormula(
            @ForAll("formulaStarts") String start, @ForAll @StringLength(max = 20) String rest) {
        String cell = CsvWriter.cell(start + rest);
        String shown = cell.startsWith("\"") ? cell.substring(1) : cell;

        assertThat(shown).startsWith("'" + start);
    }

    @Provide
    Arbitrary<String> formulaStarts() {
        return Arbitraries.of("=", "+", "-", "@", "\t", "\r");
    }

    @Example
    void ordinaryTextIsLeftAsItIsAndQuotedOnlyWhereCsvNeedsIt() {
        assertThat(CsvWriter.cell("山田 太郎")).isEqualTo("山田 太郎");
        assertThat(CsvWriter.cell("0.07451")).isEqualTo("0.07451");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("=1+1,2")).isEqualTo("\"'=1+1,2\"");
    }
}
