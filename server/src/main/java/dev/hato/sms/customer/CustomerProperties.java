package dev.hato.sms.customer;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param defaultRegion ISO 3166 region assumed for numbers typed without a country code. */
@Validated
@ConfigurationProperties("sms.phone")
public record CustomerProperties(
        @DefaultValue("JP") @Pattern(regexp = "[A-Z]{2}") String defaultRegion) {}
