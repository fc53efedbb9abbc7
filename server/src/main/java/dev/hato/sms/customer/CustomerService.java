package dev.hato.sms.customer;

import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.Cursor;
import dev.hato.sms.web.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CustomerService {

    private final Customers customers;
    private final PhoneNumbers phoneNumbers;
    private final Suppressions suppressions;

    CustomerService(Customers customers, PhoneNumbers phoneNumbers, Suppressions suppressions) {
        this.customers = customers;
        this.phoneNumbers = phoneNumbers;
        this.suppressions = suppressions;
    }

    /** Registers a customer; the same number twice makes two customers, as existing clients expect. */
    CustomerView register(CustomerRequests.Create request) {
        String e164 = phoneNumbers.toE164("phone_number", request.phoneNumber());
        return customers.insert(
                request.phoneNumber().trim(), e164, blankToNull(request.name()), blankToNull(request.externalId()));
    }

    CustomerView get(long id) {
        return customers.find(id).orElseThrow(() -> ApiProblem.notFound("Customer", id));
    }

    Page<CustomerView> list(
            @Nullable String phoneNumber, @Nullable String name, @Nullable String cursor, @Nullable Integer limit) {
        String e164 = phoneNumber == null ? null : phoneNumbers.toE164("phone_number", phoneNumber);
        String nameContains = name == null || name.isBlank() ? null : name.strip();
        int size = Cursor.limit(limit, 50, 200);
        return Page.of(customers.page(e164, nameContains, Cursor.decode(cursor), size + 1), size, CustomerView::id);
    }

    /**
     * Opting out (or back in) acts on the number: every customer with it is affected, and it is recorded.
     * Any staff member may opt a number out; only a superuser may lift an opt-out, and says why.
     */
    @Transactional
    CustomerView update(long id, CustomerRequests.Update update, long staffId, boolean superuser) {
        CustomerView before = customers.find(id).orElseThrow(() -> ApiProblem.notFound("Customer", id));
        boolean lifting = Boolean.FALSE.equals(update.optedOut()) && before.optedOut();
        if (lifting && !superuser) {
            throw CustomerProblems.OPT_OUT_LIFT_FORBIDDEN.exception("Only a superuser may lift the opt-out of "
                    + before.phoneNumberE164() + "; ask one to do it, with the customer's consent as the reason");
        }
        String reason = update.reason() == null ? "" : update.reason().strip();
        if (lifting && reason.isEmpty()) {
            throw ApiProblem.invalidField(
                    "reason", "Say why the opt-out is lifted (for example how the customer consented)");
        }
        CustomerView customer = customers.update(id, update).orElseThrow(() -> ApiProblem.notFound("Customer", id));
        if (update.optedOut() == null || update.optedOut() == customer.optedOut()) {
            return customer;
        }
        if (update.optedOut()) {
            suppressions.suppress(customer.phoneNumberE164(), staffId, id);
        } else {
            suppressions.lift(customer.phoneNumberE164(), staffId, id, reason);
        }
        return customers.find(id).orElseThrow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
