package dev.hato.sms.loadtest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The knobs are declared once ({@link Knob}): docs/capacity.md lists exactly them with their defaults,
 * the pom passes them through empty, a blank value is the default, and bad values are refused with
 * what is wrong and what is allowed.
 */
class KnobsDocTest {

    static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| `([^`]*)` \\| (.*) \\|$", Pattern.MULTILINE);

    @Test
    void docsListEveryKnobWithItsDefaultAndMeaning() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("..", "docs", "capacity.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2) + " | " + row.group(3));
        }
        Map<String, String> declared = Arrays.stream(Knob.values())
                .collect(Collectors.toMap(
                        k -> k.property, k -> k.defaultValue + " | " + k.meaning, (a, b) -> a, TreeMap::new));

        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void pomDeclaresEveryPassedKnobEmpty() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String properties = pom.substring(pom.indexOf("<properties>"), pom.indexOf("</properties>"));
        Matcher passed = Pattern.compile("-D(\\w+)=\\$\\{(\\w+)}").matcher(pom);
        int knobs = 0;
        while (passed.find()) {
            String name = passed.group(2);
            assertThat(Knob.names()).as("a knob the pom passes").contains(passed.group(1));
            assertThat(properties).as(name).contains("<" + name + "></" + name + ">");
            knobs++;
        }
        assertThat(knobs).isGreaterThan(20);
    }

    @Test
    void aBlankKnobMeansItsDefault() {
        RunConfig config = RunConfig.of(Map.of("stepFactor", " ", "runTime", ""));

        assertThat(config.stepFactor()).isEqualTo(1.5);
        assertThat(config.load().runTime()).hasSeconds(60);
        assertThat(config.serviceJvmArgs(false)).containsExactly("-Xms512m", "-Xmx1g");
        assertThat(config.serviceJvmArgs(true)).containsExactly("-Xms256m", "-Xmx512m");
    }

    @Test
    void badValuesAreRefusedTogetherSayingWhatIsAllowed() {
        assertThatThrownBy(() -> RunConfig.of(Map.of("stepFactor", "0.9", "model", "opn", "runTime", "soon")))
                .isInstanceOf(InvalidConfig.class)
                .hasMessageContaining("-DstepFactor=0.9: must be greater than 1")
                .hasMessageContaining("-Dmodel=opn: must be one of closed, open")
                .hasMessageContaining("-DrunTime=soon: not a duration (use 250ms, 30s, 5m, 1h)")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }
}
