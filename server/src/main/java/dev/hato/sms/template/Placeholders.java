package dev.hato.sms.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {{variable_name}}} placeholders: which a text holds, and the text with values put in. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private Placeholders() {}

    /** Variable names in order of first appearance, each once. */
    public static List<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

    /** Names without a value in {@code values}. */
    public static List<String> missing(String text, Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (String name : names(text)) {
            if (values.get(name) == null) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Replaces every placeholder in one pass, so a value that looks like a placeholder stays literal. */
    public static String render(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
