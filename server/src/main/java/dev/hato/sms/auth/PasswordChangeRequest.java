package dev.hato.sms.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A staff member's own password change: the current password, and a new one under the password policy. */
record PasswordChangeRequest(
        @Schema(example = "correct horse battery staple") @NotNull @Size(max = 1024)
        String currentPassword,

        @Schema(example = "violet tugboat ledger thimble") @NotNull @Size(max = 1024)
        String newPassword) {}
