package dev.hato.sms.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/configuration.md lists every {@code sms.*} setting of Spring Boot's configuration metadata (which
 * spring-boot-configuration-processor generates from the property records and their javadoc, plus
 * META-INF/additional-spring-configuration-metadata.json for the few read with {@code @Value}), each with
 * its default and description, and no other {@code sms.*} setting.
 */
class ConfigurationReferenceTest {

    static final Pattern ROW =
            Pattern.compile("^\\| `(sms\\.[a-z0-9.-]+)` \\| `([^`]*)` \\| (.*) \\|$", Pattern.MULTILINE);

    @Test
    void theConfigurationReferenceListsEverySmsSettingWithItsDefaultAndDescription() throws IOException {
        JsonNode metadata = JsonMapper.builder()
                .build()
                .readTree(Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json")
                        .toFile());
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (name.startsWith("sms.")) {
                expected.put(name, row(name, defaultOf(property.get("defaultValue")), property.path("description")));
            }
        }
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(docs);
        while (row.find()) {
            documented.put(row.group(1), row.group(0));
        }

        assertThat(documented)
                .as(
                        "docs/configuration.md's sms.* rows; the expected ones:%n%s",
                        expected.values().stream().collect(Collectors.joining("\n")))
                .isEqualTo(expected);
    }

    private static String row(String name, String defaultValue, JsonNode description) {
        String text = description.isMissingNode() ? "" : description.asString().replace('\n', ' ');
        return "| `" + name + "` | `" + defaultValue + "` | " + text.replace("|", "\\|") + " |";
    }

    private static String defaultOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "none";
        }
        if (value.isArray()) {
            return value.valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
        }
        return value.asString();
    }
}
