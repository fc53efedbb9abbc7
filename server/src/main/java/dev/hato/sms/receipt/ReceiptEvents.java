package dev.hato.sms.receipt;

import dev.hato.sms.dispatch.EumSmsProvider;
import dev.hato.sms.message.DeliveryReceipt;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one queue message as End User Messaging's event: raw, in SNS's notification envelope, or as
 * EventBridge's event (its {@code detail}). Untrusted input: anything that is not a well-formed text
 * event about one of this service's messages is {@link Parsed.Malformed}, never an exception.
 */
final class ReceiptEvents {

    sealed interface Parsed {
        record Receipt(DeliveryReceipt receipt) implements Parsed {}

        /** A well-formed event that is not about a text message (voice, media, registrations). */
        record Ignored(String why) implements Parsed {}

        record Malformed(String why) implements Parsed {}
    }

    static final Set<String> UNDELIVERED = Set.of(
            "TEXT_BLOCKED",
            "TEXT_TTL_EXPIRED",
            "TEXT_CARRIER_UNREACHABLE",
            "TEXT_INVALID",
            "TEXT_INVALID_MESSAGE",
            "TEXT_CARRIER_BLOCKED",
            "TEXT_UNREACHABLE",
            "TEXT_SPAM",
            "TEXT_PROTECT_BLOCKED");

    static final Set<String> PROGRESS = Set.of("TEXT_QUEUED", "TEXT_PENDING");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 256 * 1024;

    private ReceiptEvents() {}

    static Parsed parse(String body) {
        try {
            return read(body);
        } catch (RuntimeException e) {
            // Whatever a field turned out to hold, an event is never a crash of its consumer.
            return new Parsed.Malformed("unreadable: " + e.getClass().getSimpleName());
        }
    }

    private static Parsed read(String body) {
        if (body.length() > MAX_BODY) {
            return new Parsed.Malformed("larger than 256 KiB");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
            // SNS's envelope (raw message delivery off) carries the event as a string in Message.
            if (json.path("Type").asString("").equals("Notification")
                    && json.path("Message").isString()) {
                json = JSON.readTree(json.path("Message").asString());
            } else if (json.path("detail").isObject() && json.has("detail-type")) {
                json = json.path("detail");
            }
        } catch (RuntimeException e) {
            return new Parsed.Malformed("not JSON");
        }
        if (json == null || !json.isObject()) {
            return new Parsed.Malformed("not a JSON object");
        }
        String type = json.path("eventType").asString("");
        if (type.isEmpty()) {
            return new Parsed.Malformed("no eventType");
        }
        if (!type.startsWith("TEXT_")) {
            return new Parsed.Ignored(type);
        }
        String providerId = json.path("messageId").asString("");
        if (providerId.isEmpty() || providerId.length() > 128) {
            return new Parsed.Malformed("no messageId");
        }
        long messageId;
        try {
            messageId = Long.parseLong(
                    json.path("context").path(EumSmsProvider.CONTEXT_KEY).asString(""));
        } catch (NumberFormatException e) {
            return new Parsed.Malformed("no " + EumSmsProvider.CONTEXT_KEY + " in context: not sent by this service");
        }
        DeliveryReceipt.Outcome outcome = outcome(type, json.path("isFinal").asBoolean(false));
        JsonNode parts = json.path("totalMessageParts");
        JsonNode price = json.path("totalMessagePrice");
        if ((!parts.isMissingNode() && !parts.isIntegralNumber()) || (!price.isMissingNode() && !price.isNumber())) {
            return new Parsed.Malformed("totalMessageParts or totalMessagePrice is not a number");
        }
        if ((!parts.isMissingNode() && (!parts.canConvertToInt() || parts.asInt() < 0 || parts.asInt() > 1000))
                || (!price.isMissingNode()
                        && (!Double.isFinite(price.asDouble()) || price.asDouble() < 0 || price.asDouble() > 1e6))) {
            return new Parsed.Malformed("totalMessageParts or totalMessagePrice out of range");
        }
        JsonNode timestamp = json.path("eventTimestamp");
        if (!timestamp.isIntegralNumber()) {
            return new Parsed.Malformed("no eventTimestamp");
        }
        String description = json.path("messageStatusDescription").asString("");
        return new Parsed.Receipt(new DeliveryReceipt(
                messageId,
                providerId,
                outcome,
                type.length() > 40 ? type.substring(0, 40) : type,
                description.isEmpty() ? null : description.substring(0, Math.min(400, description.length())),
                parts.isMissingNode() ? null : parts.asInt(),
                price.isMissingNode() ? null : price.decimalValue(),
                Instant.ofEpochMilli(timestamp.asLong())));
    }

    /**
     * TEXT_DELIVERED, and TEXT_SUCCESSFUL when it is the final event (AWS uses the two interchangeably
     * where carriers report no handset delivery), deliver; the failure types undeliver; TEXT_UNKNOWN is
     * unknown; everything else is progress. A type AWS adds later is progress until it is final, then unknown.
     */
    static DeliveryReceipt.Outcome outcome(String type, boolean isFinal) {
        if (type.equals("TEXT_DELIVERED") || (type.equals("TEXT_SUCCESSFUL") && isFinal)) {
            return DeliveryReceipt.Outcome.DELIVERED;
        }
        if (UNDELIVERED.contains(type)) {
            return DeliveryReceipt.Outcome.UNDELIVERED;
        }
        if (type.equals("TEXT_UNKNOWN")) {
            return DeliveryReceipt.Outcome.UNKNOWN;
        }
        if (PROGRESS.contains(type) || type.equals("TEXT_SUCCESSFUL") || !isFinal) {
            return DeliveryReceipt.Outcome.PROGRESS;
        }
        return DeliveryReceipt.Outcome.UNKNOWN;
    }
}
