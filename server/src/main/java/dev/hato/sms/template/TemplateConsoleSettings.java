package dev.hato.sms.template;

import dev.hato.sms.web.ConsoleSettings;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The console's template counter counts against the server's limit, {@code sms.templates.max-length}. */
@Component
class TemplateConsoleSettings implements ConsoleSettings {

    private final TemplateProperties properties;

    TemplateConsoleSettings(TemplateProperties properties) {
        this.properties = properties;
    }

    @Override
    public Map<String, String> consoleSettings() {
        return Map.of("template-max-length", Integer.toString(properties.maxLength()));
    }
}
