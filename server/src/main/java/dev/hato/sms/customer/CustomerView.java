package dev.hato.sms.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

public record CustomerView(
        long id,
        String phoneNumber,
        String phoneNumberE164,
        @Nullable String name,
        @Nullable String externalId,
        boolean optedOut,
        OffsetDateTime createdAt) {

    /** Opted out means the number is suppressed, whichever customer row asked for it. */
    static final String COLUMNS = "id, phone_number, phone_number_e164, name, external_id,"
            + " exists(select 1 from suppressions s where s.phone_number_e164 = customers.phone_number_e164),"
            + " created_at";

    /** By position, in the order of {@link #COLUMNS}. */
    static CustomerView map(ResultSet rs, int row) throws SQLException {
        return new CustomerView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getObject(7, OffsetDateTime.class));
    }
}
