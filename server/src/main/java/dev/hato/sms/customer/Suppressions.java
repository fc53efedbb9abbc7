package dev.hato.sms.customer;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers that must receive no SMS, keyed by E.164: an opt-out stays with the number whichever
 * customer row asked for it. Opting out and opting back in are recorded with who and when.
 */
@Repository
public class Suppressions {

    private final JdbcClient jdbc;

    private final AuditTrail audit;

    Suppressions(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    void suppress(String e164, long actor, long customerId) {
        int added = jdbc.sql("insert into suppressions (phone_number_e164, suppressed_by, customer_id) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(e164, actor, customerId)
                .update();
        if (added == 1) {
            record(e164, "opt-out", actor, customerId, null);
            audit.record(
                    AuditAction.CUSTOMER_OPTED_OUT,
                    "customer",
                    customerId,
                    Map.of("opted_out", false),
                    Map.of("opted_out", true, "phone_number", e164));
        }
    }

    @Transactional
    void lift(String e164, long actor, long customerId, String reason) {
        int removed = jdbc.sql("delete from suppressions where phone_number_e164 = ?")
                .param(e164)
                .update();
        if (removed == 1) {
            record(e164, "opt-in", actor, customerId, reason);
            audit.record(
                    AuditAction.CUSTOMER_OPTED_IN,
                    "customer",
                    customerId,
                    Map.of("opted_out", true),
                    Map.of("opted_out", false, "phone_number", e164, "reason", reason));
        }
    }

    /**
     * The provider refused a message because the number opted out with it (replied STOP to the carrier):
     * suppressed here too, recorded as done by the provider with its code as the reason.
     */
    @Transactional
    public void suppressByProvider(String e164, String providerCode) {
        int added = jdbc.sql("insert into suppressions (phone_number_e164) values (?) on conflict do nothing")
                .param(e164)
                .update();
        if (added == 1) {
            jdbc.sql("insert into suppression_events (phone_number_e164, action, source, reason)"
                            + " values (?, 'opt-out', 'provider', ?)")
                    .params(e164, "reported by the provider: " + providerCode)
                    .update();
        }
    }

    /** Of these numbers, those that are suppressed now (one query for a whole batch). */
    public Set<String> suppressedAmong(Collection<String> e164s) {
        if (e164s.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select phone_number_e164 from suppressions where phone_number_e164 = any(?)")
                .param(e164s.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    private void record(String e164, String action, long actor, long customerId, @Nullable String reason) {
        jdbc.sql("insert into suppression_events (phone_number_e164, action, actor, customer_id, reason)"
                        + " values (?, ?, ?, ?, ?)")
                .params(e164, action, actor, customerId, reason)
                .update();
    }
}
