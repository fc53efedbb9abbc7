package com.example.sms.customer;

import java.time.OffsetDateTime;

public record CustomerView(
        long id,
        String phoneNumber,
        String phoneNumberE164,
        String name,
        String externalId,
        boolean optedOut,
        OffsetDateTime createdAt) {}
