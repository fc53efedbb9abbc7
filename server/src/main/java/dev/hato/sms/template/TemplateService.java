package dev.hato.sms.template;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.customer.Customers;
import dev.hato.sms.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TemplateService {

    private final Templates templates;
    private final Customers customers;
    private final TemplateProperties properties;
    private final AuditTrail audit;

    TemplateService(Templates templates, Customers customers, TemplateProperties properties, AuditTrail audit) {
        this.audit = audit;
        this.templates = templates;
        this.customers = customers;
        this.properties = properties;
    }

    @Transactional
    TemplateView create(long customerId, TemplateRequest request) {
        checkLength(request.content());
        TemplateView created;
        try {
            created = templates
                    .insert(customerId, request.name().trim(), request.content())
                    .map(TemplateView.Row::view)
                    .orElseThrow(() -> ApiProblem.notFound("Customer", customerId));
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
        audit.record(AuditAction.TEMPLATE_CREATED, "template", created.id(), null, values(created));
        return created;
    }

    List<TemplateView> list(long customerId) {
        requireCustomer(customerId);
        return templates.list(customerId).stream().map(TemplateView.Row::view).toList();
    }

    TemplateView get(long customerId, long id) {
        requireCustomer(customerId);
        return templates.get(customerId, id).map(TemplateView.Row::view).orElseThrow(() -> notFound(id));
    }

    @Transactional
    TemplateView replace(long customerId, long id, TemplateRequest request) {
        requireCustomer(customerId);
        checkLength(request.content());
        TemplateView before = get(customerId, id);
        TemplateView after;
        try {
            after = templates
                    .update(customerId, id, request.name().trim(), request.content())
                    .map(TemplateView.Row::view)
                    .orElseThrow(() -> notFound(id));
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
        audit.record(AuditAction.TEMPLATE_UPDATED, "template", id, values(before), values(after));
        return after;
    }

    @Transactional
    void delete(long customerId, long id) {
        TemplateView before = get(customerId, id);
        if (!templates.delete(customerId, id)) {
            throw notFound(id);
        }
        audit.record(AuditAction.TEMPLATE_DELETED, "template", id, values(before), null);
    }

    private static Map<String, Object> values(TemplateView template) {
        return Map.of("customer_id", template.customerId(), "name", template.name(), "content", template.content());
    }

    private void checkLength(String content) {
        SmsText text = SmsText.of(content);
        if (text.length() > properties.maxLength()) {
            throw ApiProblem.invalidField(
                    "content",
                    "is " + text.length() + " " + text.encoding().label() + " units long; the limit is "
                            + properties.maxLength());
        }
    }

    private void requireCustomer(long customerId) {
        if (!customers.exists(customerId)) {
            throw ApiProblem.notFound("Customer", customerId);
        }
    }

    private static ApiProblem notFound(long id) {
        return ApiProblem.notFound("Template", id);
    }

    private static ApiProblem duplicateName(String name) {
        return TemplateProblems.NAME_TAKEN.exception("This customer already has a template named " + name.trim());
    }
}
