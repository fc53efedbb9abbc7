package com.example.sms.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;

public record SendRequest(
        @NotBlank @Size(max = 32) String phoneNumber,
        @NotBlank @Size(max = 200) String token,
        @NotNull @Positive Long customerId,
        @NotNull @Positive Long templateId,
        Map<String, @Size(max = 1000) String> variables) {

    Map<String, String> variablesOrEmpty() {
        return variables == null ? Map.of() : variables;
    }
}
