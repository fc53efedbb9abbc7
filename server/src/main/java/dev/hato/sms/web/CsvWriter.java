package dev.hato.sms.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * CSV as Excel opens it without asking (RFC 4180 quoting, CRLF, UTF-8 with a byte-order mark), with
 * every cell that a spreadsheet would run as a formula neutralised (OWASP's rule: a leading {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return gets a {@code '} in front, so the cell is
 * shown as text). Written row by row into a buffer, so memory stays flat however many rows follow.
 */
public final class CsvWriter implements AutoCloseable {

    private static final int FLUSH_EVERY_ROWS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssXXX");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final Writer out;
    private long rows;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** Starts the file: the byte-order mark and the header row, flushed at once so the download begins. */
    public static CsvWriter excel(OutputStream stream, List<String> header) throws IOException {
        CsvWriter csv = new CsvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        csv.out.write('\uFEFF');
        csv.row(header);
        csv.out.flush();
        return csv;
    }

    public void row(List<? extends @Nullable Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells.get(i);
            if (cell != null) {
                out.write(cell(cell.toString()));
            }
        }
        out.write("\r\n");
        if (++rows % FLUSH_EVERY_ROWS == 0) {
            out.flush();
        }
    }

    /** One cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String cell(String value) {
        String text = neutralised(value);
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    /** A time as both exports write it: in the office's zone, with the offset ({@code 2026-12-01 21:05:00+09:00}). */
    public static @Nullable String time(@Nullable OffsetDateTime at, ZoneId zone) {
        return at == null ? null : TIME.format(at.atZoneSameInstant(zone));
    }

    /**
     * Makes the response a CSV download named {@code prefix-YYYYMMDD-HHMMSS.csv} (the time in {@code
     * zone}), never cached; call before the first byte.
     */
    public static void download(HttpServletResponse response, String prefix, Instant now, ZoneId zone) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(prefix + "-" + STAMP.format(now.atZone(zone)) + ".csv")
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Rows written after the header. */
    public long rows() {
        return rows - 1;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
