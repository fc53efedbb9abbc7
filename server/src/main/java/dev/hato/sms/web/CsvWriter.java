package dev.hato.sms.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as Excel opens it without asking (RFC 4180 quoting, CRLF, UTF-8 with a byte-order mark), with
 * every cell that a spreadsheet would run as a formula neutralised (OWASP's rule: a leading {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return gets a {@code '} in front, so the cell is
 * shown as text). Written row by row into a buffer, so memory stays flat however many rows follow.
 */
public final class CsvWriter implements AutoCloseable {

    private static final int FLUSH_EVERY_ROWS = 500;

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

    /** Rows written after the header. */
    public long rows() {
        return rows - 1;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
