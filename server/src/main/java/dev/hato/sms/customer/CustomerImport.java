package dev.hato.sms.customer;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers from a CSV file: every row checked as a registration would be (and against the file and
 * the database), then a preview, or an import of all rows or of the valid ones. Idempotent by {@code
 * external_id}: a row whose id is registered already is unchanged, so the same file twice creates
 * nothing new. One import at a time (a transaction-scoped advisory lock), all rows in one transaction.
 */
@Service
class CustomerImport {

    enum Mode {
        PREVIEW,
        VALID_ONLY,
        ALL_OR_NOTHING
    }

    /** One data row (numbered as the spreadsheet shows it: the header is row 1). */
    record Row(
            int row,
            String phoneNumber,
            @Nullable String phoneNumberE164,
            @Nullable String name,
            @Nullable String externalId,
            String outcome,
            @Nullable String reason) {}

    record Result(
            String mode,
            String encoding,
            int rows,
            int created,
            int unchanged,
            int refused,
            @Nullable List<Row> results) {}

    private final PhoneNumbers phoneNumbers;
    private final Suppressions suppressions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    CustomerImport(
            PhoneNumbers phoneNumbers,
            Suppressions suppressions,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AuditTrail audit) {
        this.phoneNumbers = phoneNumbers;
        this.suppressions = suppressions;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    Result run(byte[] file, @Nullable String encoding, Mode mode) {
        CsvFile.Parsed parsed = CsvFile.read(file, encoding);
        String charset = parsed.charset().name().equals("UTF-8") ? "utf-8" : "shift_jis";
        if (mode == Mode.PREVIEW) {
            List<Row> rows = check(parsed);
            return result(mode, charset, rows, 0, true);
        }
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('customer-import'))")
                    .query()
                    .singleRow();
            List<Row> rows = check(parsed);
            long refused =
                    rows.stream().filter(r -> r.outcome().equals("refused")).count();
            if (mode == Mode.ALL_OR_NOTHING && refused > 0) {
                throw new ImportRefused(result(mode, charset, rows, 0, true));
            }
            List<Row> create =
                    rows.stream().filter(r -> r.outcome().equals("create")).toList();
            insert(create);
            Result result = result(mode, charset, rows, create.size(), false);
            audit.record(
                    AuditAction.CUSTOMERS_IMPORTED,
                    "customer",
                    null,
                    null,
                    Map.of(
                            "mode", mode.name().toLowerCase().replace('_', '-'),
                            "encoding", charset,
                            "rows", result.rows(),
                            "created", result.created(),
                            "unchanged", result.unchanged(),
                            "refused", result.refused()));
            return result;
        });
    }

    /** All-or-nothing found refused rows: nothing was imported; the result says which and why. */
    static final class ImportRefused extends RuntimeException {
        final Result result;

        ImportRefused(Result result) {
            super(result.refused() + " of " + result.rows() + " rows cannot be imported; nothing was");
            this.result = result;
        }
    }

    private static Result result(Mode mode, String charset, List<Row> rows, int created, boolean withRows) {
        int unchanged =
                (int) rows.stream().filter(r -> r.outcome().equals("unchanged")).count();
        int refused =
                (int) rows.stream().filter(r -> r.outcome().equals("refused")).count();
        return new Result(
                mode.name().toLowerCase().replace('_', '-'),
                charset,
                rows.size(),
                created,
                unchanged,
                refused,
                withRows ? rows : null);
    }

    private List<Row> check(CsvFile.Parsed parsed) {
        CsvFile.Columns columns = parsed.columns();
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < parsed.rows().size(); i++) {
            List<String> row = parsed.rows().get(i);
            String phone = cell(row, columns.phone());
            String name = cell(row, columns.name());
            String external = cell(row, columns.externalId());
            cells.add(new String[] {phone, name, external});
        }
        Map<String, Long> registeredNumbers = new HashMap<>();
        Set<String> registeredIds = new HashSet<>();
        List<String> e164s = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        // Each number parsed once (libphonenumber is most of an import's time): why not, or its E.164.
        String[] rejections = new String[cells.size()];
        String[] numbers = new String[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            String normalised = normalisedNumber(cells.get(i)[0]);
            rejections[i] = phoneNumbers.rejection(normalised);
            if (rejections[i] == null) {
                numbers[i] = phoneNumbers.e164Of(normalised);
                e164s.add(numbers[i]);
            }
            if (!cells.get(i)[2].isEmpty()) ids.add(cells.get(i)[2]);
        }
        jdbc.sql("select phone_number_e164, min(id) from customers where phone_number_e164 = any(?) group by 1")
                .param(e164s.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> {
                    registeredNumbers.put(rs.getString(1), rs.getLong(2));
                });
        jdbc.sql("select distinct external_id from customers where external_id = any(?)")
                .param(ids.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> {
                    registeredIds.add(rs.getString(1));
                });
        Set<String> optedOut = suppressions.suppressedAmong(e164s);
        Map<String, Integer> numberRows = new HashMap<>();
        Map<String, Integer> idRows = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            int line = i + 2;
            String phone = cells.get(i)[0];
            String name = cells.get(i)[1].isEmpty() ? null : cells.get(i)[1];
            String external = cells.get(i)[2].isEmpty() ? null : cells.get(i)[2];
            String rejection = rejections[i];
            String e164 = numbers[i];
            String reason;
            String outcome = "refused";
            String formula = formulaCell(phone, cells.get(i)[1], cells.get(i)[2]);
            if (formula != null) {
                reason = formula + " starts like a spreadsheet formula (=, +, -, @): fix the sheet and export it again";
            } else if (rejection != null) {
                reason = "phone_number " + rejection;
            } else if (name != null && name.length() > 255) {
                reason = "name is longer than 255 characters";
            } else if (external != null && external.length() > 255) {
                reason = "external_id is longer than 255 characters";
            } else if (external != null && idRows.containsKey(external)) {
                reason = "duplicate in the file: external_id as row " + idRows.get(external);
            } else if (numberRows.containsKey(e164)) {
                reason = "duplicate in the file: the same number as row " + numberRows.get(e164);
            } else if (external != null && registeredIds.contains(external)) {
                reason = null;
                outcome = "unchanged";
            } else if (optedOut.contains(e164)) {
                reason = "opted out (the number is on the opt-out list)";
            } else if (registeredNumbers.containsKey(e164)) {
                reason = "already registered (customer #" + registeredNumbers.get(e164) + ")";
            } else {
                reason = null;
                outcome = "create";
            }
            if (external != null) idRows.putIfAbsent(external, line);
            if (e164 != null) numberRows.putIfAbsent(e164, line);
            rows.add(new Row(line, phone, e164, name, external, outcome, reason));
        }
        return rows;
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into customers (phone_number, phone_number_e164, name, external_id)
                        select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))""")
                .param(rows.stream().map(r -> r.phoneNumber().strip()).toArray(String[]::new))
                .param(rows.stream().map(Row::phoneNumberE164).toArray(String[]::new))
                .param(rows.stream().map(Row::name).toArray(String[]::new))
                .param(rows.stream().map(Row::externalId).toArray(String[]::new))
                .update();
    }

    private static String cell(List<String> row, int column) {
        return column < 0 || column >= row.size() ? "" : row.get(column).strip();
    }

    /** Full-width digits and the dashes Japanese text uses, as the ASCII a number is parsed from. */
    static String normalisedNumber(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replace('ー', '-')
                .replace('−', '-')
                .replace('‐', '-')
                .replace('―', '-')
                .strip();
    }

    /**
     * Which cell of the row Excel would run as a formula, or null: such a row is refused (it would run
     * again when the list is exported and opened). A phone number may start with "+".
     */
    private static @Nullable String formulaCell(String phone, String name, String external) {
        return startsAsFormula(name, true)
                ? "name"
                : startsAsFormula(external, true)
                        ? "external_id"
                        : startsAsFormula(phone, false) ? "phone_number" : null;
    }

    private static boolean startsAsFormula(String cell, boolean plusAndMinusToo) {
        if (cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '@' || (plusAndMinusToo && (c == '+' || c == '-'));
    }
}
