package dev.hato.sms.web;

import java.util.Map;

/**
 * Server settings the staff console must follow (the CSRF cookie and header names, the template
 * length limit), contributed by the module that owns each: the console page carries them as {@code
 * <meta name="hato:NAME">} tags, so changing a setting never breaks the console silently.
 */
public interface ConsoleSettings {

    /** Setting name (as in the meta tag, after "hato:") to its value. */
    Map<String, String> consoleSettings();
}
