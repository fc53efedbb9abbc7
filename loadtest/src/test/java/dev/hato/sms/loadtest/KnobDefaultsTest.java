package dev.hato.sms.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The defaults of docs/capacity.md live in LoadSettings only; the pom passes knobs through, empty unless set. */
class KnobDefaultsTest {

    @Test
    void pomDeclaresEveryPassedKnobEmpty() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String properties = pom.substring(pom.indexOf("<properties>"), pom.indexOf("</properties>"));
        Matcher passed = Pattern.compile("-D(\\w+)=\\$\\{(\\w+)}").matcher(pom);
        int knobs = 0;
        while (passed.find()) {
            String name = passed.group(2);
            assertThat(properties).as(name).contains("<" + name + "></" + name + ">");
            knobs++;
        }
        assertThat(knobs).isGreaterThan(20);
    }

    @Test
    void blankKnobMeansTheDefault() {
        System.setProperty("stepFactor", " ");
        try {
            assertThat(LoadSettings.knob("stepFactor", "1.5")).isEqualTo("1.5");
        } finally {
            System.clearProperty("stepFactor");
        }
    }
}
