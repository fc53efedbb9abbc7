package dev.hato.sms.customer;

import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.Cursor;
import dev.hato.sms.web.Page;
import org.springframework.stereotype.Service;

@Service
class CustomerService {

    private final Customers customers;
    private final PhoneNumbers phoneNumbers;

    CustomerService(Customers customers, PhoneNumbers phoneNumbers) {
        this.customers = customers;
        this.phoneNumbers = phoneNumbers;
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

    Page<CustomerView> list(String phoneNumber, String cursor, Integer limit) {
        String e164 = phoneNumber == null ? null : phoneNumbers.toE164("phone_number", phoneNumber);
        int size = Cursor.limit(limit, 50, 200);
        return Page.of(customers.page(e164, Cursor.decode(cursor), size + 1), size, CustomerView::id);
    }

    CustomerView update(long id, CustomerRequests.Update update) {
        return customers.update(id, update).orElseThrow(() -> ApiProblem.notFound("Customer", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
