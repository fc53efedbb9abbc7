package dev.hato.sms.template;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Template rows; the send path reads them through {@link #find}. */
@Repository
public class Templates {

    private static final RowMapper<TemplateView.Row> TEMPLATE_VIEW_ROWS =
            new DataClassRowMapper<>(TemplateView.Row.class);

    private static final RowMapper<Template> TEMPLATE_ROWS = new DataClassRowMapper<>(Template.class);

    public record Template(long id, long customerId, String name, String content) {}

    private static final String COLUMNS = "id, customer_id, name, content, created_at, updated_at";

    private final JdbcClient jdbc;

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Template> find(long id) {
        return jdbc.sql("select id, customer_id, name, content from templates where id = ?")
                .param(id)
                .query(TEMPLATE_ROWS)
                .optional();
    }

    /** Empty when the customer does not exist: the check and the insert are one statement. */
    Optional<TemplateView.Row> insert(long customerId, String name, String content) {
        return jdbc.sql("insert into templates (customer_id, name, content) select id, ?, ? from customers where id = ?"
                        + " returning " + COLUMNS)
                .params(name, content, customerId)
                .query(TEMPLATE_VIEW_ROWS)
                .optional();
    }

    List<TemplateView.Row> list(long customerId) {
        return jdbc.sql("select " + COLUMNS + " from templates where customer_id = ? order by id")
                .param(customerId)
                .query(TEMPLATE_VIEW_ROWS)
                .list();
    }

    Optional<TemplateView.Row> get(long customerId, long id) {
        return jdbc.sql("select " + COLUMNS + " from templates where customer_id = ? and id = ?")
                .params(customerId, id)
                .query(TEMPLATE_VIEW_ROWS)
                .optional();
    }

    Optional<TemplateView.Row> update(long customerId, long id, String name, String content) {
        return jdbc.sql("update templates set name = ?, content = ?, updated_at = now()"
                        + " where customer_id = ? and id = ? returning " + COLUMNS)
                .params(name, content, customerId, id)
                .query(TEMPLATE_VIEW_ROWS)
                .optional();
    }

    boolean delete(long customerId, long id) {
        return jdbc.sql("delete from templates where customer_id = ? and id = ?")
                        .params(customerId, id)
                        .update()
                == 1;
    }
}
