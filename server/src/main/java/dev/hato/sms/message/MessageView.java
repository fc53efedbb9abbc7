package dev.hato.sms.message;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A message as history shows it; also the body of a send's 202. */
public record MessageView(
        long id,
        long customerId,
        @Nullable Long templateId,
        String phoneNumberE164,
        String body,
        String encoding,
        int segments,
        String status,
        int attempts,
        @Nullable String providerMessageId,
        @Nullable String lastError,
        long sentBy,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime sentAt,
        @Nullable OffsetDateTime deliveredAt,
        @Nullable Integer parts,
        @Nullable BigDecimal priceUsd,
        @Nullable DeliveryDetail deliveryDetail) {

    /** The carrier's last word on the message, from its delivery receipt. */
    public record DeliveryDetail(
            @Nullable String status, @Nullable String description) {}

    static final String COLUMNS = "id, customer_id, template_id, phone_number_e164, body, encoding, segments, status,"
            + " attempts, provider_message_id, last_error, sent_by, created_at, sent_at, delivered_at, parts,"
            + " price_usd, carrier_status, carrier_detail";

    /** By position, in the order of {@link #COLUMNS}: history maps 50 of these per page. */
    static MessageView map(ResultSet rs, int row) throws SQLException {
        long templateId = rs.getLong(3);
        Long template = rs.wasNull() ? null : templateId;
        return new MessageView(
                rs.getLong(1),
                rs.getLong(2),
                template,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                rs.getInt(9),
                rs.getString(10),
                rs.getString(11),
                rs.getLong(12),
                rs.getObject(13, OffsetDateTime.class),
                rs.getObject(14, OffsetDateTime.class),
                rs.getObject(15, OffsetDateTime.class),
                (Integer) rs.getObject(16),
                rs.getBigDecimal(17),
                carrier(rs.getString(18), rs.getString(19)));
    }

    private static @Nullable DeliveryDetail carrier(@Nullable String status, @Nullable String description) {
        return status == null && description == null ? null : new DeliveryDetail(status, description);
    }
}
