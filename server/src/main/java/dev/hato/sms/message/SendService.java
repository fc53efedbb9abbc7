package dev.hato.sms.message;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.customer.CustomerView;
import dev.hato.sms.customer.Customers;
import dev.hato.sms.customer.PhoneNumbers;
import dev.hato.sms.template.TemplateRenderer;
import dev.hato.sms.template.Templates;
import dev.hato.sms.token.SendTokens;
import dev.hato.sms.web.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a message in one transaction: the token is consumed (its row lock held until commit), every
 * other check passes, the message is stored as queued and the idempotency key completed. Any failure
 * rolls all of it back, so a rejected send never uses up its token.
 */
@Service
class SendService {

    record Result(MessageView message, boolean replayed) {}

    private final Outbox outbox;
    private final Messages messages;
    private final Customers customers;
    private final Templates templates;
    private final TemplateRenderer renderer;
    private final SendTokens sendTokens;
    private final PhoneNumbers phoneNumbers;
    private final Idempotency idempotency;
    private final SendLimits limits;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    SendService(
            AuditTrail audit,
            Outbox outbox,
            Messages messages,
            Customers customers,
            Templates templates,
            TemplateRenderer renderer,
            SendTokens sendTokens,
            PhoneNumbers phoneNumbers,
            Idempotency idempotency,
            SendLimits limits,
            ApplicationEventPublisher events) {
        this.limits = limits;
        this.outbox = outbox;
        this.messages = messages;
        this.customers = customers;
        this.templates = templates;
        this.renderer = renderer;
        this.sendTokens = sendTokens;
        this.phoneNumbers = phoneNumbers;
        this.idempotency = idempotency;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public Result send(SendRequest request, long staffId, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Long> earlier = idempotency.claim(staffId, idempotencyKey, request);
            if (earlier.isPresent()) {
                return new Result(messages.find(earlier.get()).orElseThrow(), true);
            }
        }
        CustomerView customer = existingCustomer(request.customerId());
        sendTokens.consume(request.token(), customer.id());
        Templates.Template template = templateOf(customer, request.templateId());
        String e164 = numberOf(customer, request.phoneNumber());
        refuseIfOptedOut(customer);
        TemplateRenderer.RenderedSms sms = renderer.render(template, customer, request.variablesOrEmpty());
        limits.reserveForThisTransaction(staffId, e164, sms.text().segments());

        MessageView message = outbox.accept(new Outbox.NewMessage(
                customer.id(),
                template.id(),
                e164,
                sms.body(),
                sms.text().encoding().label(),
                sms.text().segments(),
                staffId));
        events.publishEvent(new MessageAccepted(message.id()));
        audit.record(
                AuditAction.MESSAGE_SENT,
                "message",
                message.id(),
                null,
                Map.of(
                        "customer_id", customer.id(),
                        "template_id", template.id(),
                        "phone_number", e164,
                        "segments", sms.text().segments()));
        if (idempotencyKey != null) {
            idempotency.complete(staffId, idempotencyKey, message.id());
        }
        return new Result(message, false);
    }

    private CustomerView existingCustomer(long customerId) {
        return customers
                .find(customerId)
                .orElseThrow(
                        () -> ApiProblem.invalidField("customer_id", "customer " + customerId + " does not exist"));
    }

    private Templates.Template templateOf(CustomerView customer, long templateId) {
        return templates
                .find(templateId)
                .filter(t -> t.customerId() == customer.id())
                .orElseThrow(() -> MessageProblems.TEMPLATE_NOT_FOUND.exception(
                        "Customer " + customer.id() + " has no template " + templateId));
    }

    /** The request's number, normalised, must be the customer's: a token never sends to another phone. */
    private String numberOf(CustomerView customer, String phoneNumber) {
        String e164 = phoneNumbers.toE164("phone_number", phoneNumber);
        if (!e164.equals(customer.phoneNumberE164())) {
            throw MessageProblems.PHONE_NUMBER_MISMATCH.exception(
                    "phone_number is not the number of customer " + customer.id(),
                    Map.of("phone_number", List.of("is not this customer's number")));
        }
        return e164;
    }

    private static void refuseIfOptedOut(CustomerView customer) {
        if (customer.optedOut()) {
            throw MessageProblems.CUSTOMER_OPTED_OUT.exception("Customer " + customer.id() + " has opted out of SMS");
        }
    }
}
