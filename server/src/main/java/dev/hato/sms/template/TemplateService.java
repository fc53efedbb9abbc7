package dev.hato.sms.template;

import dev.hato.sms.customer.Customers;
import dev.hato.sms.web.ApiProblem;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
class TemplateService {

    private final Templates templates;
    private final Customers customers;
    private final TemplateProperties properties;

    TemplateService(Templates templates, Customers customers, TemplateProperties properties) {
        this.templates = templates;
        this.customers = customers;
        this.properties = properties;
    }

    TemplateView create(long customerId, TemplateRequest request) {
        checkLength(request.content());
        try {
            return templates
                    .insert(customerId, request.name().trim(), request.content())
                    .map(TemplateView.Row::view)
                    .orElseThrow(() -> ApiProblem.notFound("Customer", customerId));
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
    }

    List<TemplateView> list(long customerId) {
        requireCustomer(customerId);
        return templates.list(customerId).stream().map(TemplateView.Row::view).toList();
    }

    TemplateView get(long customerId, long id) {
        requireCustomer(customerId);
        return templates.get(customerId, id).map(TemplateView.Row::view).orElseThrow(() -> notFound(id));
    }

    TemplateView replace(long customerId, long id, TemplateRequest request) {
        requireCustomer(customerId);
        checkLength(request.content());
        try {
            return templates
                    .update(customerId, id, request.name().trim(), request.content())
                    .map(TemplateView.Row::view)
                    .orElseThrow(() -> notFound(id));
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
    }

    void delete(long customerId, long id) {
        requireCustomer(customerId);
        if (!templates.delete(customerId, id)) {
            throw notFound(id);
        }
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
