package dev.hato.sms.template;

import dev.hato.sms.customer.CustomerView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a template into the text that is sent: placeholders filled (the customer's name and number
 * built in, the request's variables over them), then counted as carriers bill it and held to the
 * length limit.
 */
@Component
public class TemplateRenderer {

    /** The text to send and how carriers count it. */
    public record RenderedSms(String body, SmsText text) {}

    private final TemplateProperties properties;

    TemplateRenderer(TemplateProperties properties) {
        this.properties = properties;
    }

    /** 400 {@code missing-variable} or {@code body-too-long} when the result cannot be sent. */
    public RenderedSms render(Templates.Template template, CustomerView customer, Map<String, String> variables) {
        Map<String, String> values = new HashMap<>();
        values.put("customer_name", customer.name());
        values.put("phone_number", customer.phoneNumber());
        variables.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value);
            }
        });
        List<String> missing = Placeholders.missing(template.content(), values);
        if (!missing.isEmpty()) {
            throw TemplateProblems.MISSING_VARIABLE.exception(
                    "No value for: " + String.join(", ", missing),
                    Map.of("variables", List.of("needs a value for: " + String.join(", ", missing))));
        }
        String body = Placeholders.render(template.content(), values);
        SmsText text = SmsText.of(body);
        if (text.length() > properties.maxLength()) {
            throw TemplateProblems.BODY_TOO_LONG.exception("The rendered message is " + text.length() + " "
                    + text.encoding().label() + " units long; the limit is " + properties.maxLength());
        }
        return new RenderedSms(body, text);
    }
}
