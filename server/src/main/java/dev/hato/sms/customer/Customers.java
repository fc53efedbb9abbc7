package dev.hato.sms.customer;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customer rows; other features read them through this public API. */
@Repository
public class Customers {

    private static final String COLUMNS = CustomerView.COLUMNS;

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CustomerView insert(String phoneNumber, String e164, String name, String externalId) {
        return jdbc.sql("insert into customers (phone_number, phone_number_e164, name, external_id)"
                        + " values (?, ?, ?, ?) returning " + COLUMNS)
                .params(phoneNumber, e164, name, externalId)
                .query(CustomerView::map)
                .single();
    }

    public Optional<CustomerView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from customers where id = ?")
                .param(id)
                .query(CustomerView::map)
                .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select exists(select 1 from customers where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** Newest first; {@code nameContains} matches anywhere in the name, ignoring case, as typed (no wildcards). */
    List<CustomerView> page(@Nullable String e164, @Nullable String nameContains, long belowId, int rows) {
        return jdbc.sql("select " + COLUMNS + " from customers where id < :below"
                        + (e164 == null ? "" : " and phone_number_e164 = :e164")
                        + (nameContains == null ? "" : " and strpos(lower(name), lower(:name)) > 0")
                        + " order by id desc limit :rows")
                .param("below", belowId)
                .param("e164", e164)
                .param("name", nameContains)
                .param("rows", rows)
                .query(CustomerView::map)
                .list();
    }

    Optional<CustomerView> update(long id, CustomerRequests.Update update) {
        return jdbc.sql("update customers set"
                        + " name = case when :name::text is null then name else nullif(:name::text, '') end,"
                        + " external_id = case when :ext::text is null then external_id else nullif(:ext::text, '') end,"
                        + " updated_at = now()"
                        + " where id = :id returning " + COLUMNS)
                .param("name", update.name())
                .param("ext", update.externalId())
                .param("id", id)
                .query(CustomerView::map)
                .optional();
    }
}
