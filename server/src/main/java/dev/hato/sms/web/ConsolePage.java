package dev.hato.sms.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The staff console's page at {@code /} (its scripts and styles are static files under /assets). An
 * explicit mapping rather than Spring's welcome page, so that every other method on {@code /} is a
 * 405 and an Accept without HTML a 406, each as problem JSON like everywhere else. The page carries the
 * server settings the console follows ({@link ConsoleSettings}) as meta tags.
 */
@Controller
@Hidden
class ConsolePage {

    private static final String AFTER = "<meta charset=\"utf-8\">";

    private final String page;

    ConsolePage(List<ConsoleSettings> settings) throws IOException {
        String html = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> all = new TreeMap<>();
        settings.forEach(s -> all.putAll(s.consoleSettings()));
        StringBuilder tags = new StringBuilder();
        all.forEach((name, value) -> tags.append("\n<meta name=\"hato:")
                .append(HtmlUtils.htmlEscape(name))
                .append("\" content=\"")
                .append(HtmlUtils.htmlEscape(value))
                .append("\">"));
        if (!html.contains(AFTER)) {
            throw new IllegalStateException("static/index.html has no " + AFTER + " to put the settings after");
        }
        this.page = html.replace(AFTER, AFTER + tags);
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }
}
