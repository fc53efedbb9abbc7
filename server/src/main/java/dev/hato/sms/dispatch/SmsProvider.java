package dev.hato.sms.dispatch;

/** Where messages go: one publish call per message, classified so the dispatcher knows whether to retry. */
public interface SmsProvider {

    /** @param segments the parts the carriers bill (and End User Messaging meters) for the body */
    record OutboundSms(long messageId, String phoneNumberE164, String body, int segments) {}

    sealed interface Outcome {
        /** Accepted by the provider, which gave it this id. */
        record Sent(String providerMessageId) implements Outcome {}

        /** Throttling, 5xx or a network error: worth another attempt later. */
        record Transient(String code, String detail) implements Outcome {}

        /**
         * The provider will never accept this message (invalid number, opted out, ...). {@code optedOut}:
         * the provider says the number opted out, so it goes on this service's suppression list too.
         */
        record Permanent(String code, String detail, boolean optedOut) implements Outcome {
            public Permanent(String code, String detail) {
                this(code, detail, false);
            }
        }

        /**
         * The provider refuses every message, through no fault of this one (credentials invalid or
         * expired, signature or permission errors): delivery pauses, and the attempt is not counted.
         */
        record Outage(String code, String detail) implements Outcome {}
    }

    String name();

    /**
     * Whether the provider's quota counts message parts (End User Messaging: parts per second) rather
     * than messages (SNS: publishes per second): the shared rate limiter then reserves a slot per part.
     */
    default boolean metersParts() {
        return false;
    }

    Outcome publish(OutboundSms sms);
}
