package dev.hato.sms.message;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

public record SendRequest(
        @Schema(example = "090-1234-5678") @NotBlank @Size(max = 32)
        String phoneNumber,

        @Schema(example = "q8G1x0cJ3m0b7kH2fP5sV9tW4yZ6aD1eR8uN3oL7iQ0") @NotBlank @Size(max = 200)
        String token,

        @Schema(example = "42") @NotNull @Positive Long customerId,
        @Schema(example = "7") @NotNull @Positive Long templateId,
        @Schema(example = "{\"date\": \"12月1日\"}") @Nullable Map<String, @Size(max = 1000) String> variables) {

    Map<String, String> variablesOrEmpty() {
        return variables == null ? Map.of() : variables;
    }
}
