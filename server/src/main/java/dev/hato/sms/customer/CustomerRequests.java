package dev.hato.sms.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

final class CustomerRequests {

    private CustomerRequests() {}

    record Create(
            @Schema(example = "090-1234-5678") @NotBlank @Size(max = 32)
            String phoneNumber,

            @Schema(example = "山田太郎") @Size(max = 255) @Nullable
            String name,

            @Schema(example = "CRM-00042") @Size(max = 255) @Nullable
            String externalId) {}

    /** A partial update: absent (or null) fields are left as they are; an empty string clears a text field. */
    record Update(
            @Schema(example = "山田花子") @Size(max = 255) @Nullable
            String name,

            @Size(max = 255) @Nullable String externalId,
            @Schema(example = "true") @Nullable Boolean optedOut) {}
}
