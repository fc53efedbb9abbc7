package dev.hato.sms.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hato.sms.loadtest.config.RunConfig;
import dev.hato.sms.loadtest.process.ServiceUnderTest;
import dev.hato.sms.loadtest.report.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Other tools read the capacity tool's outputs: a short find-capacity run (two 5-s steps) writes
 * find-capacity.json, each step's summary.json, and both reports with the same fields, sections and
 * columns as the tool wrote before its configuration was reworked (recorded from that version's run of
 * the same command in src/test/resources/output-fields/).
 */
class OutputShapeTest {

    static final Path OUT = Path.of("target", "output-shape").toAbsolutePath();

    @Test
    void aShortFindCapacityRunWritesTheFieldsAndSectionsOtherToolsRead() throws Exception {
        RunConfig config = RunConfig.of(Map.of(
                "model", "open",
                "stepDuration", "5s",
                "warmup", "0s",
                "maxSteps", "2",
                "startSmsPerHour", "20000",
                "stepFactor", "2",
                "outputDir", OUT.toString()));
        Path out = OutputFolder.fresh(OUT);
        try (ServiceUnderTest service = ServiceUnderTest.start(config, out)) {
            FindCapacity.run(config.withLoad(config.load().withHost(service.baseUrl())), service, out);
        }

        assertThat(fields(out.resolve("find-capacity.json"))).isEqualTo(recorded("find-capacity.json.fields"));
        assertThat(fields(out.resolve("step-01").resolve("summary.json"))).isEqualTo(recorded("summary.json.fields"));
        assertThat(headings(out.resolve("report.html"))).isEqualTo(recorded("find-capacity-report.html.headings"));
        assertThat(headings(out.resolve("step-01").resolve("report.html"))).isEqualTo(recorded("report.html.headings"));
        assertThat(out.resolve("step-01").resolve("stats.csv")).isRegularFile();
    }

    /** Every field path of a JSON document ("a.b", array elements as "a[].b"). */
    static Set<String> fields(Path file) throws IOException {
        Set<String> paths = new TreeSet<>();
        collect(new ObjectMapper().readTree(file.toFile()), "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths);
            }
        }
    }

    /** The section headings and table columns of a report, in order, figures replaced by '#'. */
    static List<String> headings(Path report) throws IOException {
        Matcher m = Pattern.compile("<(?:h[2-3]|th)[^>]*>(.*?)</(?:h[2-3]|th)>", Pattern.DOTALL)
                .matcher(Files.readString(report));
        Set<String> seen = new LinkedHashSet<>();
        while (m.find()) {
            seen.add(m.group(1).replaceAll("<[^>]+>", "").strip().replaceAll("[0-9][0-9,.]*", "#"));
        }
        return new ArrayList<>(seen);
    }

    private static Object recorded(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src", "test", "resources", "output-fields", name));
        return name.endsWith(".headings") ? lines : new TreeSet<>(lines);
    }
}
