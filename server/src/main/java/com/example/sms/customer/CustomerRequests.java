package com.example.sms.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

final class CustomerRequests {

    private CustomerRequests() {}

    record Create(
            @NotBlank @Size(max = 32) String phoneNumber,
            @Size(max = 255) String name,
            @Size(max = 255) String externalId) {}

    /** A partial update: absent (or null) fields are left as they are; an empty string clears a text field. */
    record Update(
            @Size(max = 255) String name, @Size(max = 255) String externalId, Boolean optedOut) {}
}
