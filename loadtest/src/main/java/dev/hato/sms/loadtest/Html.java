package dev.hato.sms.loadtest;

import java.util.List;

/**
 * What both reports (a run's report.html and find-capacity's top page) build their pages from: escaping,
 * tables and the line charts ({@link SvgChart}), so neither needs a script, a style sheet file or the
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

    /** A line chart of the series over their x values. */
    static String chart(String title, String unit, List<SvgChart.Series> series) {
        return SvgChart.render(title, unit, series);
    }

    static String heading(String text) {
        return "<h2>" + escape(text) + "</h2>";
    }
}
