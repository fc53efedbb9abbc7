package dev.hato.sms.template;

import java.time.OffsetDateTime;
import java.util.List;

public record TemplateView(
        long id,
        long customerId,
        String name,
        String content,
        List<String> variables,
        String encoding,
        int length,
        int segments,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    record Row(
            long id, long customerId, String name, String content, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        TemplateView view() {
            SmsText text = SmsText.of(content);
            return new TemplateView(
                    id,
                    customerId,
                    name,
                    content,
                    Placeholders.names(content),
                    text.encoding().label(),
                    text.length(),
                    text.segments(),
                    createdAt,
                    updatedAt);
        }
    }
}
