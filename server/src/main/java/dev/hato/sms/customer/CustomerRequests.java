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

    /**
     * A partial update: absent (or null) fields are left as they are; an empty string clears a text field.
     * {@code reason} is required with {@code opted_out: false} when that lifts an opt-out (superusers only).
     */
    record Update(
            @Schema(example = "山田花子") @Size(max = 255) @Nullable
            String name,

            @Size(max = 255) @Nullable String externalId,
            @Schema(example = "true") @Nullable Boolean optedOut,

            @Schema(example = "Asked in writing on 2026-12-01 to receive reminders again") @Size(max = 500) @Nullable
            String reason) {}
}
