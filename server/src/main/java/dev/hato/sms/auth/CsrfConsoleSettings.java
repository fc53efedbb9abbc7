package dev.hato.sms.auth;

import dev.hato.sms.web.ConsoleSettings;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The console sends the CSRF token from the cookie and in the header the server is set to use. */
@Component
class CsrfConsoleSettings implements ConsoleSettings {

    private final SecurityProperties properties;

    CsrfConsoleSettings(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Map<String, String> consoleSettings() {
        return Map.of("csrf-cookie", properties.csrfCookieName(), "csrf-header", properties.csrfHeaderName());
    }
}
