package dev.hato.sms.customer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customer list as offices keep it: a CSV file from Excel, in UTF-8 (with or without a byte-order
 * mark) or Shift_JIS (Windows-31J, Excel's "CSV" on a Japanese Windows), with Japanese or English
 * headers. Pure: bytes in, rows out, or a {@link Refusal} saying what is wrong with the file. Bounded:
 * at most {@value #MAX_COLUMNS} columns and {@value #MAX_CELL} characters a cell, whatever the file says.
 */
final class CsvFile {

    static final int MAX_COLUMNS = 50;
    static final int MAX_CELL = 1_000;
    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /** The file cannot be imported at all; {@code code} is the problem's reason, {@code detail} the message. */
    static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String code, String detail) {
            super(detail);
            this.code = code;
        }
    }

    /** The columns found: their index in each row, -1 when absent (the phone column is never absent). */
    record Columns(int phone, int name, int externalId) {}

    record Parsed(Charset charset, Columns columns, List<List<String>> rows) {}

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("電話番号", "phone"),
            Map.entry("携帯電話番号", "phone"),
            Map.entry("携帯番号", "phone"),
            Map.entry("phone_number", "phone"),
            Map.entry("phone", "phone"),
            Map.entry("氏名", "name"),
            Map.entry("名前", "name"),
            Map.entry("name", "name"),
            Map.entry("顧客id", "external"),
            Map.entry("顧客番号", "external"),
            Map.entry("external_id", "external"));

    private CsvFile() {}

    /** {@code encoding}: "utf-8", "shift_jis" (Windows-31J) or null to detect. */
    static Parsed read(byte[] bytes, @Nullable String encoding) {
        if (bytes.length == 0) {
            throw new Refusal("empty", "The file is empty");
        }
        for (byte b : bytes) {
            if (b == 0) { // no text file of either encoding holds a NUL: a spreadsheet, a zip, an image
                throw new Refusal("not-csv", "This is not a CSV text file (it holds binary data); save it as CSV");
            }
        }
        Charset charset;
        String text;
        if (encoding == null || encoding.isBlank()) {
            boolean bom = bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF
                    && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF;
            String utf8 = decode(bytes, StandardCharsets.UTF_8);
            if (bom || utf8 != null) {
                charset = StandardCharsets.UTF_8;
                text = utf8;
            } else {
                charset = WINDOWS_31J;
                text = decode(bytes, WINDOWS_31J);
            }
        } else {
            charset = switch (encoding.strip().toLowerCase(Locale.ROOT)) {
                case "utf-8", "utf8" -> StandardCharsets.UTF_8;
                case "shift_jis", "shift-jis", "sjis", "windows-31j", "cp932", "ms932" -> WINDOWS_31J;
                default -> throw new Refusal("encoding", "encoding must be utf-8 or shift_jis");
            };
            text = decode(bytes, charset);
        }
        if (text == null) {
            throw new Refusal(
                    "encoding",
                    "The file is neither UTF-8 nor Shift_JIS"
                            + (encoding == null ? "" : " (it is not " + encoding + ")")
                            + "; save it from Excel as CSV (UTF-8) and try again");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            throw new Refusal("empty", "The file has no rows");
        }
        Columns columns = columns(rows.get(0));
        return new Parsed(charset, columns, rows.subList(1, rows.size()));
    }

    private static @Nullable String decode(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Columns columns(List<String> header) {
        int phone = -1;
        int name = -1;
        int external = -1;
        for (int i = 0; i < header.size(); i++) {
            String key = Normalizer.normalize(header.get(i), Normalizer.Form.NFKC)
                    .strip()
                    .toLowerCase(Locale.ROOT);
            String column = HEADERS.get(key);
            if ("phone".equals(column) && phone < 0) phone = i;
            if ("name".equals(column) && name < 0) name = i;
            if ("external".equals(column) && external < 0) external = i;
        }
        if (phone < 0) {
            throw new Refusal(
                    "no-phone-column",
                    "The first row names no phone column: one column must be headed 電話番号 or phone_number");
        }
        return new Columns(phone, name, external);
    }

    /** RFC 4180, with CRLF or LF row ends; a row of nothing but empty cells is skipped. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        append(cell, '"', line);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    append(cell, c, line);
                }
                continue;
            }
            if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                endCell(row, cell, line);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endCell(row, cell, line);
                wasQuoted = false;
                if (row.stream().anyMatch(s -> !s.isBlank())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                line++;
            } else {
                append(cell, c, line);
            }
        }
        if (quoted) {
            throw new Refusal("not-csv", "Row " + line + " opens a quote that never closes: this is not valid CSV");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            endCell(row, cell, line);
            if (row.stream().anyMatch(s -> !s.isBlank())) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static void append(StringBuilder cell, char c, int line) {
        if (cell.length() >= MAX_CELL) {
            throw new Refusal("cell-too-long", "Row " + line + " has a cell longer than " + MAX_CELL + " characters");
        }
        cell.append(c);
    }

    private static void endCell(List<String> row, StringBuilder cell, int line) {
        if (row.size() >= MAX_COLUMNS) {
            throw new Refusal("too-many-columns", "Row " + line + " has more than " + MAX_COLUMNS + " columns");
        }
        row.add(cell.toString());
        cell.setLength(0);
    }
}
