package dev.hato.sms.template;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A template as a client creates or replaces it. */
record TemplateRequest(
        @Schema(example = "予約確認") @NotBlank @Size(max = 100) String name,

        @Schema(example = "{{customer_name}}様、{{date}}のご予約を承りました。") @NotBlank @Size(max = 10_000)
        String content) {}
