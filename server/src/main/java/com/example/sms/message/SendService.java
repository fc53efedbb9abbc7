package com.example.sms.message;

import com.example.sms.customer.CustomerView;
import com.example.sms.customer.Customers;
import com.example.sms.customer.PhoneNumbers;
import com.example.sms.template.Placeholders;
import com.example.sms.template.SmsText;
import com.example.sms.template.TemplateProperties;
import com.example.sms.template.Templates;
import com.example.sms.token.SendTokens;
import com.example.sms.web.ApiProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a message: every check passes, then in one transaction the message is stored as queued,
 * the token consumed and the idempotency key completed. Any failure rolls all of it back, so a
 * rejected send never uses up its token.
 */
@Service
class SendService {

    record Result(MessageView message, boolean replayed) {}

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Messages messages;
    private final Customers customers;
    private final Templates templates;
    private final SendTokens sendTokens;
    private final PhoneNumbers phoneNumbers;
    private final Idempotency idempotency;
    private final TemplateProperties templateProperties;
    private final ApplicationEventPublisher events;

    SendService(
            Messages messages,
            Customers customers,
            Templates templates,
            SendTokens sendTokens,
            PhoneNumbers phoneNumbers,
            Idempotency idempotency,
            TemplateProperties templateProperties,
            ApplicationEventPublisher events) {
        this.messages = messages;
        this.customers = customers;
        this.templates = templates;
        this.sendTokens = sendTokens;
        this.phoneNumbers = phoneNumbers;
        this.idempotency = idempotency;
        this.templateProperties = templateProperties;
        this.events = events;
    }

    @Transactional
    public Result send(SendRequest request, long staffId, String idempotencyKey) {
        byte[] requestHash = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
                throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to 255 characters");
            }
            requestHash = hash(request);
            Optional<Idempotency.Previous> previous = idempotency.claim(staffId, idempotencyKey, requestHash);
            if (previous.isPresent()) {
                return replay(previous.get(), requestHash);
            }
        }
        CustomerView customer = customers
                .find(request.customerId())
                .orElseThrow(() ->
                        ApiProblem.invalidField("customer_id", "customer " + request.customerId() + " does not exist"));
        SendTokens.Locked token = sendTokens.lock(request.token(), customer.id());
        Templates.Template template = templates
                .find(request.templateId())
                .filter(t -> t.customerId() == customer.id())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.BAD_REQUEST,
                        "template-not-found",
                        "Template not found",
                        "Customer " + customer.id() + " has no template " + request.templateId()));
        String e164 = phoneNumbers.toE164("phone_number", request.phoneNumber());
        if (!e164.equals(customer.phoneNumberE164())) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "phone-number-mismatch",
                    "Phone number does not match",
                    "phone_number is not the number of customer " + customer.id(),
                    Map.of("phone_number", List.of("is not this customer's number")));
        }
        if (customer.optedOut()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "customer-opted-out",
                    "Customer opted out",
                    "Customer " + customer.id() + " has opted out of SMS");
        }
        String body = render(template.content(), customer, request.variablesOrEmpty());
        SmsText text = SmsText.of(body);
        if (text.length() > templateProperties.maxLength()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "body-too-long",
                    "Message too long",
                    "The rendered message is " + text.length() + " "
                            + text.encoding().label() + " units long; the limit is " + templateProperties.maxLength());
        }
        MessageView message = messages.insert(new Messages.NewMessage(
                customer.id(), template.id(), e164, body, text.encoding().label(), text.segments(), staffId));
        sendTokens.consume(token);
        events.publishEvent(new MessageAccepted(message.id()));
        if (idempotencyKey != null) {
            idempotency.complete(staffId, idempotencyKey, message.id());
        }
        return new Result(message, false);
    }

    private Result replay(Idempotency.Previous previous, byte[] requestHash) {
        if (!Arrays.equals(previous.requestHash(), requestHash)) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request");
        }
        return new Result(messages.find(previous.messageId()).orElseThrow(), true);
    }

    private static String render(String content, CustomerView customer, Map<String, String> variables) {
        Map<String, String> values = new HashMap<>();
        values.put("customer_name", customer.name());
        values.put("phone_number", customer.phoneNumber());
        variables.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value);
            }
        });
        List<String> missing = Placeholders.missing(content, values);
        if (!missing.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "missing-variable",
                    "Template variable without a value",
                    "No value for: " + String.join(", ", missing),
                    Map.of("variables", List.of("needs a value for: " + String.join(", ", missing))));
        }
        return Placeholders.render(content, values);
    }

    private static byte[] hash(SendRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
