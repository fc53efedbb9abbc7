package dev.hato.sms.dispatch;

/** Where messages go: one publish call per message, classified so the dispatcher knows whether to retry. */
public interface SmsProvider {

    record OutboundSms(long messageId, String phoneNumberE164, String body) {}

    sealed interface Outcome {
        /** Accepted by the provider, which gave it this id. */
        record Sent(String providerMessageId) implements Outcome {}

        /** Throttling, 5xx or a network error: worth another attempt later. */
        record Transient(String code, String detail) implements Outcome {}

        /** The provider will never accept this message (invalid number, opted out, ...). */
        record Permanent(String code, String detail) implements Outcome {}

        /**
         * The provider refuses every message, through no fault of this one (credentials invalid or
         * expired, signature or permission errors): delivery pauses, and the attempt is not counted.
         */
        record Outage(String code, String detail) implements Outcome {}
    }

    String name();

    Outcome publish(OutboundSms sms);
}
