package dev.hato.sms.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON strings may not hold U+0000: PostgreSQL cannot store it in text, so it would fail deep in a
 * statement. It is refused where it arrives, as a field error.
 */
final class NulFreeText extends StringDeserializer {

    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulFreeText() {}

    static JacksonModule module() {
        return new SimpleModule("nul-free-text").addDeserializer(String.class, new NulFreeText());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext context) {
        String value = super.deserialize(p, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(p, MESSAGE, value, String.class);
        }
        return value;
    }
}
