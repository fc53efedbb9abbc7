package dev.hato.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.HttpTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** docs/api.md's table of problem types lists exactly the types the modules declare, with their statuses. */
class ProblemTypesDocTest extends HttpTest {

    /** A row of the table: "| `a`, `b` | 405, 415 | when |" (one status for all, or one per type). */
    static final Pattern ROW =
            Pattern.compile("^\\| (`[a-z-]+`(?:, `[a-z-]+`)*) \\| ([0-9, ]+) \\|", Pattern.MULTILINE);

    @Autowired
    ProblemCatalog catalog;

    @Test
    void theApiDocsListEveryProblemTypeOfTheCatalogWithItsStatus() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "api.md"));
        Map<String, Integer> documented = new TreeMap<>();
        Matcher row = ROW.matcher(docs);
        while (row.find()) {
            String[] slugs = row.group(1).replace("`", "").split(", ");
            String[] statuses = row.group(2).trim().split(",\\s*");
            for (int i = 0; i < slugs.length; i++) {
                documented.put(slugs[i], Integer.parseInt(statuses[statuses.length == 1 ? 0 : i].trim()));
            }
        }
        Map<String, Integer> declared = new TreeMap<>();
        catalog.entries()
                .forEach((slug, type) -> declared.put(slug, type.status().value()));

        assertThat(documented).isEqualTo(declared);
    }
}
