package dev.hato.sms.loadtest.report;

import java.util.List;
import java.util.Locale;

/**
 * What both reports (a run's report.html and find-capacity's top page) build their pages from: escaping,
 * tables and small self-contained SVG line charts, so neither needs a script, a style sheet file or the
 * network.
 */
final class Html {

    private Html() {}

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A table with a header row; the cells are HTML already (text escaped by the caller). */
    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table><tr>");
        headers.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    static String heading(String text) {
        return "<h2>" + escape(text) + "</h2>";
    }

    /** A line chart of the series over their x values. */
    record Series(String name, String color, double[] x, double[] y) {}

    private static final int W = 760;
    private static final int H = 220;
    private static final int LEFT = 60;
    private static final int BOTTOM = 30;
    private static final int TOP = 25;

    static String chart(String title, String unit, List<Series> series) {
        double maxX = 1;
        double maxY = 0;
        for (Series s : series) {
            for (double v : s.x()) {
                maxX = Math.max(maxX, v);
            }
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    maxY = Math.max(maxY, v);
                }
            }
        }
        maxY = maxY <= 0 ? 1 : maxY * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' class='chart'>", W, H));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='16' font-weight='bold'>%s</text>", LEFT, escape(title)));
        int plotW = W - LEFT - 10;
        int plotH = H - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double value = maxY * i / 4;
            int y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#ddd'/><text x='%d' y='%d' font-size='10' text-anchor='end'>%s</text>",
                    LEFT,
                    y,
                    LEFT + plotW,
                    y,
                    LEFT - 4,
                    y + 3,
                    format(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='4' y='%d' font-size='10'>%s</text>", TOP - 6, escape(unit)));
        svg.append(String.format(
                Locale.ROOT,
                "<text x='%d' y='%d' font-size='10' text-anchor='end'>%s s</text>",
                LEFT + plotW,
                H - 8,
                format(maxX)));
        int legendX = LEFT + 200;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                double px = LEFT + plotW * s.x()[i] / maxX;
                double py = TOP + plotH - plotH * s.y()[i] / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill='none' stroke='%s' stroke-width='1.5' points='%s'/>",
                    s.color(),
                    points));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='%d' y='8' width='10' height='10' fill='%s'/><text x='%d' y='17' font-size='11'>%s</text>",
                    legendX,
                    s.color(),
                    legendX + 14,
                    escape(s.name())));
            legendX += 20 + 7 * s.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static String format(double value) {
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        return value >= 10 || value == 0
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
