package dev.hato.sms.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class PlaceholdersPropertyTest {

    @Property
    void renderingWithEveryValueLeavesNoPlaceholder(
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String name,
            @ForAll String value,
            @ForAll String text) {
        String template = text.replace("{", "") + "{{" + name + "}}" + "{{ " + name + " }}";

        String rendered = Placeholders.render(template, Map.of(name, value.replace("{", "")));

        assertThat(Placeholders.names(template)).containsExactly(name);
        assertThat(rendered).doesNotContain("{{");
        assertThat(Placeholders.missing(template, Map.of(name, value))).isEmpty();
    }

    @Property
    void valuesThatLookLikePlaceholdersStayLiteral(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String name) {
        String rendered = Placeholders.render("{{a}} {{b}}", Map.of("a", "{{b}}", "b", name));

        assertThat(rendered).isEqualTo("{{b}} " + name);
    }
}
