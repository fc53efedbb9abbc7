package dev.hato.sms.template;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param maxLength longest template or rendered message, in carrier units (septets or UTF-16 units). */
@Validated
@ConfigurationProperties("sms.templates")
public record TemplateProperties(
        @DefaultValue("660") @Min(1) int maxLength) {}
