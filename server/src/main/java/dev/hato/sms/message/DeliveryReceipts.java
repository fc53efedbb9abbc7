package dev.hato.sms.message;

import dev.hato.sms.web.ClockSql;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write to {@code messages} after {@code sent}: a receipt's change and its status event in one
 * transaction, and the timeout that makes a message {@code unknown}. {@link ReceiptTransition} decides;
 * this class reads the row under a lock and writes what was decided.
 */
@Repository
public class DeliveryReceipts {

    private static final String CURRENT = """
            select status, provider_message_id, carrier_status, parts, price_usd, created_at from messages
            where id = :id for update""";

    private static final String UPDATE = ClockSql.of("""
            update messages set status = :status, delivered_at = coalesce(:deliveredAt, delivered_at),
                   parts = :parts, price_usd = :price,
                   carrier_status = case when :carrierChanged then :carrierStatus else carrier_status end,
                   carrier_detail = case when :carrierChanged then :carrierDetail else carrier_detail end
            where id = :id""");

    private static final String EVENT = ClockSql.of("""
            insert into message_events (message_id, status, detail, created_at) values (:id, :status, :detail, {now})""");

    private static final String TIMEOUT =
            ClockSql.of("""
            with timed_out as (
              update messages set status = %s, carrier_detail = :detail
              where id in (select id from messages where status = %s and sent_at < :cutoff
                           order by id limit :limit for update skip locked)
              returning id
            )
            insert into message_events (message_id, status, detail, created_at)
            select id, %1$s, :detail, {now} from timed_out""".formatted(MessageStatus.UNKNOWN.sql(), MessageStatus.SENT.sql()));

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryReceipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Applies one receipt, or says why not. The caller acknowledges the event only after this returns. */
    @Transactional
    public DeliveryReceipt.Result apply(DeliveryReceipt receipt) {
        record Row(ReceiptTransition.Current current, OffsetDateTime createdAt) {}
        Optional<Row> row = jdbc.sql(CURRENT)
                .param("id", receipt.messageId())
                .query((rs, n) -> new Row(
                        new ReceiptTransition.Current(
                                MessageStatus.parse(rs.getString(1)).orElseThrow(),
                                rs.getString(2),
                                rs.getString(3),
                                (Integer) rs.getObject(4),
                                rs.getBigDecimal(5)),
                        rs.getObject(6, OffsetDateTime.class)))
                .optional();
        if (row.isEmpty() || !ReceiptTransition.matches(row.get().current(), receipt)) {
            return new DeliveryReceipt.Result(DeliveryReceipt.Applied.NOT_YET, null, null, null);
        }
        ReceiptTransition.Current current = row.get().current();
        Optional<ReceiptTransition.Change> next = ReceiptTransition.next(current, receipt);
        if (next.isEmpty()) {
            return new DeliveryReceipt.Result(DeliveryReceipt.Applied.UNCHANGED, current.status(), null, null);
        }
        ReceiptTransition.Change change = next.get();
        jdbc.sql(UPDATE)
                .param("id", receipt.messageId())
                .param("status", change.status().value())
                .param("deliveredAt", atUtc(change.deliveredAt()))
                .param("parts", change.parts())
                .param("price", change.priceUsd())
                .param("carrierChanged", change.carrierChanged())
                .param("carrierStatus", change.carrierStatus())
                .param("carrierDetail", change.carrierDetail())
                .update();
        if (change.carrierChanged()) {
            jdbc.sql(EVENT)
                    .param("now", OffsetDateTime.now(clock))
                    .param("id", receipt.messageId())
                    .param("status", change.status().value())
                    .param("detail", eventDetail(receipt))
                    .update();
        }
        Duration sinceAccepted = change.deliveredAt() == null
                ? null
                : Duration.between(row.get().createdAt().toInstant(), change.deliveredAt());
        BigDecimal priceAdded = current.priceUsd() == null ? change.priceUsd() : null;
        return new DeliveryReceipt.Result(DeliveryReceipt.Applied.CHANGED, change.status(), sinceAccepted, priceAdded);
    }

    /**
     * Marks up to {@code limit} messages sent before {@code cutoff} without a final receipt as unknown;
     * returns how many. A receipt that comes later still delivers (or undelivers) them.
     */
    public int markUnknownSentBefore(Instant cutoff, Duration finalAfter, int limit) {
        return jdbc.sql(TIMEOUT)
                .param("now", OffsetDateTime.now(clock))
                .param("cutoff", atUtc(cutoff))
                .param("limit", limit)
                .param("detail", "no final receipt within " + finalAfter.toHours() + " h")
                .update();
    }

    private static String eventDetail(DeliveryReceipt receipt) {
        String detail =
                receipt.carrierDetail() == null || receipt.carrierDetail().isBlank()
                        ? receipt.carrierStatus()
                        : receipt.carrierStatus() + ": " + receipt.carrierDetail();
        BigDecimal price = receipt.priceUsd();
        if (receipt.parts() != null) {
            detail += " (" + receipt.parts() + " part" + (receipt.parts() == 1 ? "" : "s")
                    + (price == null ? "" : ", USD " + price.toPlainString()) + ")";
        }
        return detail.length() > 500 ? detail.substring(0, 500) : detail;
    }

    private static @Nullable OffsetDateTime atUtc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
