package com.example.sms.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LoginRequest(
        @NotBlank @Size(max = 150) String username,
        @NotBlank @Size(max = 1024) String password) {}
