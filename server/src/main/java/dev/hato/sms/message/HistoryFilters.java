package dev.hato.sms.message;

import dev.hato.sms.customer.PhoneNumbers;
import dev.hato.sms.web.ApiProblem;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** The history's query parameters, checked, as the history page and its CSV export both take them. */
final class HistoryFilters {

    private HistoryFilters() {}

    static Messages.HistoryFilter of(
            PhoneNumbers phoneNumbers,
            @Nullable Long customerId,
            @Nullable String phoneNumber,
            @Nullable String status,
            @Nullable OffsetDateTime since,
            @Nullable OffsetDateTime until,
            @Nullable Long sentBy) {
        MessageStatus wanted = status == null
                ? null
                : MessageStatus.parse(status)
                        .orElseThrow(
                                () -> ApiProblem.invalidField("status", "must be one of " + MessageStatus.names()));
        String e164 = phoneNumber == null ? null : phoneNumbers.toE164("phone_number", phoneNumber);
        return new Messages.HistoryFilter(customerId, e164, wanted, since, until, sentBy);
    }
}
