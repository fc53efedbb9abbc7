package dev.hato.sms.message;

import dev.hato.sms.web.ProblemType;
import dev.hato.sms.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Why a send is refused: its request, its customer, or a send limit. */
@Component
final class MessageProblems implements ProblemTypes {

    static final ProblemType TEMPLATE_NOT_FOUND = new ProblemType(
            "template-not-found", HttpStatus.BAD_REQUEST, "Template not found", "the customer has no such template");
    static final ProblemType PHONE_NUMBER_MISMATCH = new ProblemType(
            "phone-number-mismatch",
            HttpStatus.BAD_REQUEST,
            "Phone number does not match",
            "phone_number is not the customer's");
    static final ProblemType CUSTOMER_OPTED_OUT =
            new ProblemType("customer-opted-out", HttpStatus.CONFLICT, "Customer opted out", "the customer opted out");
    static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType(
            "idempotency-key-reused",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Idempotency-Key reused",
            "same Idempotency-Key, different request");
    static final ProblemType SEND_RATE_LIMITED = new ProblemType(
            "send-rate-limited",
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many messages from this staff member in one minute",
            "sms.limits.per-user-per-minute reached (Retry-After)");
    static final ProblemType DESTINATION_RATE_LIMITED = new ProblemType(
            "destination-rate-limited",
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many messages to this number in one hour",
            "sms.limits.per-destination-per-hour reached (Retry-After)");
    static final ProblemType DAILY_SEGMENT_LIMIT = new ProblemType(
            "daily-segment-limit",
            HttpStatus.TOO_MANY_REQUESTS,
            "The service's daily segment limit is reached",
            "sms.limits.daily-segments reached (Retry-After)");
    static final ProblemType USER_DAILY_SEGMENT_LIMIT = new ProblemType(
            "user-daily-segment-limit",
            HttpStatus.TOO_MANY_REQUESTS,
            "This staff member's daily segment limit is reached",
            "sms.limits.per-user-daily-segments reached (Retry-After)");
}
