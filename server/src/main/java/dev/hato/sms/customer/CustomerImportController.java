package dev.hato.sms.customer;

import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Customers")
class CustomerImportController {

    private static final int ROWS_IN_A_REFUSAL = 1_000;

    private final CustomerImport imports;
    private final long maxBytes;

    CustomerImportController(CustomerImport imports, @Value("${sms.import.max-bytes:10MB}") DataSize maxBytes) {
        this.imports = imports;
        this.maxBytes = maxBytes.toBytes();
    }

    /**
     * A CSV customer list (UTF-8 with or without BOM, or Shift_JIS; {@code encoding} to choose), multipart
     * field {@code file}. {@code preview} answers every row with its outcome and changes nothing;
     * {@code valid-only} imports the valid rows; {@code all-or-nothing} imports every row or, if any is
     * refused, none (422 naming them). Rows whose external_id is registered are unchanged.
     */
    @PostMapping(value = "/api/customers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ProblemResponses({
        "validation-failed",
        "import-file-refused",
        "import-too-large",
        "import-has-refused-rows",
        "request-too-large"
    })
    CustomerImport.Result importCustomers(
            @RequestParam(defaultValue = "preview") String mode,
            @RequestParam(required = false) String encoding,
            @Schema(type = "string", format = "binary", example = "顧客ID,氏名,電話番号\r\nC-1,山田 太郎,090-1234-5678")
                    @RequestPart("file")
                    MultipartFile file)
            throws IOException {
        CustomerImport.Mode chosen = switch (mode.toLowerCase(Locale.ROOT)) {
            case "preview" -> CustomerImport.Mode.PREVIEW;
            case "valid-only" -> CustomerImport.Mode.VALID_ONLY;
            case "all-or-nothing" -> CustomerImport.Mode.ALL_OR_NOTHING;
            default -> throw ApiProblem.invalidField("mode", "must be preview, valid-only or all-or-nothing");
        };
        if (file.getSize() > maxBytes) {
            throw CustomerProblems.IMPORT_TOO_LARGE.exception(
                    "The file has " + file.getSize() + " bytes; sms.import.max-bytes allows " + maxBytes);
        }
        try {
            return imports.run(file.getBytes(), encoding, chosen);
        } catch (CsvFile.Refusal refusal) {
            throw CustomerProblems.IMPORT_FILE_REFUSED.exception(
                    refusal.getMessage(), Map.of("file", List.of(refusal.code)));
        } catch (CustomerImport.ImportRefused refused) {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (CustomerImport.Row row : refused.result.results()) {
                if (row.reason() != null && rows.size() < ROWS_IN_A_REFUSAL) {
                    rows.put("row " + row.row(), List.of(row.reason()));
                }
            }
            throw CustomerProblems.IMPORT_HAS_REFUSED_ROWS.exception(refused.getMessage(), rows);
        }
    }
}
