package dev.hato.sms.support;

import java.util.ArrayList;
import java.util.List;

/** Reads CSV back as RFC 4180 defines it (quoted cells, doubled quotes, CRLF rows): the tests' own reader. */
public final class CsvRows {

    private CsvRows() {}

    /** The rows of {@code text} (without a byte-order mark); fails on a bare LF or a stray quote. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                int end = i + 1;
                while (true) {
                    int quote = text.indexOf('"', end);
                    if (quote < 0) throw new IllegalArgumentException("unterminated quote at " + i);
                    if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
                        cell.append(text, end, quote + 1);
                        end = quote + 2;
                    } else {
                        cell.append(text, end, quote);
                        i = quote + 1;
                        break;
                    }
                }
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                continue;
            }
            if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " at " + i);
            } else {
                cell.append(c);
            }
            i++;
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            throw new IllegalArgumentException("last row not ended by CRLF");
        }
        return rows;
    }
}
