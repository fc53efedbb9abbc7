package dev.hato.sms.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LoginRequest(
        @Schema(example = "clerk") @NotBlank @Size(max = 150)
        String username,

        @Schema(example = "correct horse battery staple") @NotBlank @Size(max = 1024)
        String password) {}
