package com.example.sms.message;

import java.time.OffsetDateTime;

/** A message as history shows it; also the body of a send's 202. */
public record MessageView(
        long id,
        long customerId,
        Long templateId,
        String phoneNumberE164,
        String body,
        String encoding,
        int segments,
        String status,
        int attempts,
        String providerMessageId,
        String lastError,
        long sentBy,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt) {

    static final String COLUMNS = "id, customer_id, template_id, phone_number_e164, body, encoding, segments, status,"
            + " attempts, provider_message_id, last_error, sent_by, created_at, sent_at";
}
