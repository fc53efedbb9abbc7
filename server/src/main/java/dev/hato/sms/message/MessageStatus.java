package dev.hato.sms.message;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The states of a message, and the only place their names are spelled. The SQL of {@link Outbox}
 * takes them from here; the table's check constraint is compared with this list by a test.
 */
public enum MessageStatus {
    /** Stored and waiting for the dispatcher (new, or a retry that is not due yet). */
    QUEUED,
    /** Claimed by a dispatcher: a provider call is about to happen or under way. */
    SENDING,
    /** The provider accepted it; no final delivery receipt yet. */
    SENT,
    /** Ended without delivery: the provider refused it, retries ran out, or the number opted out. */
    FAILED,
    /** The carrier reported it delivered to the handset (or, where carriers report no more, accepted it). */
    DELIVERED,
    /** The carrier reported it could not be delivered (blocked, unreachable, invalid, expired, ...). */
    UNDELIVERED,
    /** No final receipt came within sms.receipts.final-after, or the provider reported it unknown. */
    UNKNOWN;

    /** The states of a message the provider accepted: sent, and whatever a receipt made of it. */
    public static final Set<MessageStatus> PROVIDER_ACCEPTED = EnumSet.of(SENT, DELIVERED, UNDELIVERED, UNKNOWN);

    /** The name in JSON, in query parameters and in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a SQL literal: statements name the status in their text, so partial indexes on it apply. */
    String sql() {
        return "'" + value() + "'";
    }

    /** "('sent', 'delivered', ...)": a SQL list of these states. */
    static String sqlList(Set<MessageStatus> states) {
        return states.stream().map(MessageStatus::sql).collect(Collectors.joining(", ", "(", ")"));
    }

    public static Optional<MessageStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    /** "queued, sending, sent, ...", for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(MessageStatus::value).collect(Collectors.joining(", "));
    }
}
