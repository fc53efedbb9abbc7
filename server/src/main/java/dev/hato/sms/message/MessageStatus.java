package dev.hato.sms.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
    /** The provider accepted it. */
    SENT,
    /** Ended without delivery: the provider refused it, retries ran out, or the number opted out. */
    FAILED;

    /** The name in JSON, in query parameters and in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a SQL literal: statements name the status in their text, so partial indexes on it apply. */
    String sql() {
        return "'" + value() + "'";
    }

    public static Optional<MessageStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    /** "queued, sending, sent, failed", for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(MessageStatus::value).collect(Collectors.joining(", "));
    }
}
