package dev.hato.sms.message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per day (in sms.limits.day-zone): what was accepted, what became of it, what it cost. */
@Repository
class DailySummaries {

    /**
     * @param sent the provider took them (sent, delivered, undelivered or unknown now)
     * @param deliveredShare delivered of those with a result (delivered, undelivered, unknown); null
     *     while none has one
     */
    record Day(
            LocalDate day,
            long accepted,
            long sent,
            long delivered,
            long undelivered,
            long unknown,
            long failed,
            @Nullable Double deliveredShare,
            BigDecimal spendUsd) {}

    private final JdbcClient jdbc;
    private final LimitProperties limits;

    DailySummaries(JdbcClient jdbc, LimitProperties limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** Every day from {@code from} to {@code to}, both included, also the days without messages. */
    List<Day> between(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<LocalDate, BigDecimal> spend = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            counts.put(d, new LinkedHashMap<>());
            spend.put(d, BigDecimal.ZERO);
        }
        jdbc.sql("""
                        select (created_at at time zone :zone)::date, status, count(*), coalesce(sum(price_usd), 0)
                        from messages where created_at >= :from and created_at < :to group by 1, 2""")
                .param("zone", limits.dayZone().getId())
                .param("from", from.atStartOfDay(limits.dayZone()).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(limits.dayZone()).toOffsetDateTime())
                .query(rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    counts.get(day).put(rs.getString(2), rs.getLong(3));
                    spend.merge(day, rs.getBigDecimal(4), BigDecimal::add);
                });
        List<Day> days = new ArrayList<>();
        counts.forEach((day, byStatus) -> {
            long delivered = byStatus.getOrDefault(MessageStatus.DELIVERED.value(), 0L);
            long undelivered = byStatus.getOrDefault(MessageStatus.UNDELIVERED.value(), 0L);
            long unknown = byStatus.getOrDefault(MessageStatus.UNKNOWN.value(), 0L);
            long sent = byStatus.getOrDefault(MessageStatus.SENT.value(), 0L) + delivered + undelivered + unknown;
            long finished = delivered + undelivered + unknown;
            days.add(new Day(
                    day,
                    byStatus.values().stream().mapToLong(Long::longValue).sum(),
                    sent,
                    delivered,
                    undelivered,
                    unknown,
                    byStatus.getOrDefault(MessageStatus.FAILED.value(), 0L),
                    finished == 0 ? null : delivered / (double) finished,
                    spend.get(day)));
        });
        return days;
    }
}
