package dev.hato.sms.message;

import dev.hato.sms.auth.Users;
import dev.hato.sms.web.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The history's filters as a CSV file for Excel: newest first, every matching message, streamed from
 * the database to the client row by row (see {@link CsvWriter} for the format and formula cells).
 * Times are in the office's zone ({@code sms.limits.day-zone}, Asia/Tokyo unless set) with the offset.
 */
@Component
class HistoryExport {

    static final List<String> HEADER = List.of(
            "id",
            "created_at",
            "phone_number",
            "body",
            "status",
            "segments",
            "parts",
            "price_usd",
            "sent_at",
            "delivered_at",
            "carrier_status",
            "carrier_description",
            "attempts",
            "last_error",
            "sent_by",
            "customer_id",
            "template_id",
            "provider_message_id");

    private final Messages messages;
    private final Users users;
    private final ZoneId zone;

    HistoryExport(Messages messages, Users users, LimitProperties limits) {
        this.messages = messages;
        this.users = users;
        this.zone = limits.dayZone();
    }

    /** Writes the file and answers how many messages it holds. */
    long write(Messages.HistoryFilter filter, OutputStream out) throws IOException {
        // A file holds few senders: each username is read once.
        Map<Long, String> senders = new HashMap<>();
        try (CsvWriter csv = CsvWriter.excel(out, HEADER)) {
            try {
                messages.each(filter, m -> {
                    try {
                        csv.row(cells(m, senders));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return csv.rows();
        }
    }

    private List<@Nullable Object> cells(MessageView m, Map<Long, String> senders) {
        MessageView.DeliveryDetail carrier = m.deliveryDetail();
        return Arrays.asList(
                m.id(),
                time(m.createdAt()),
                m.phoneNumberE164(),
                m.body(),
                m.status(),
                m.segments(),
                m.parts(),
                m.priceUsd() == null ? null : m.priceUsd().toPlainString(),
                time(m.sentAt()),
                time(m.deliveredAt()),
                carrier == null ? null : carrier.status(),
                carrier == null ? null : carrier.description(),
                m.attempts(),
                m.lastError(),
                senders.computeIfAbsent(m.sentBy(), id -> users.username(id).orElse("#" + id)),
                m.customerId(),
                m.templateId(),
                m.providerMessageId());
    }

    private @Nullable String time(@Nullable OffsetDateTime at) {
        return CsvWriter.time(at, zone);
    }
}
