package dev.hato.sms.message;

import dev.hato.sms.web.ClockSql;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every write to {@code messages} and {@code message_events}: the send stores a message here, and the
 * dispatcher moves it through its states here. Each transition is one statement that also writes its
 * status event. A finishing transition names the attempt it finishes, so a worker whose lease expired
 * cannot finish a newer attempt of the same message. What happens after {@code sent} (delivery receipts)
 * is written by {@link DeliveryReceipts}. There are two beans of it ({@link OutboxConfig}):
 * the service's, and the dispatcher's on its own pool; both are made only there.
 */
public final class Outbox {

    /** The qualifier of the dispatcher's outbox, which runs on the dispatcher's own pool. */
    public static final String DISPATCHER = "dispatcherOutbox";

    /** A message as the send accepted it. */
    public record NewMessage(
            long customerId, long templateId, String e164, String body, String encoding, int segments, long sentBy) {}

    /** A message claimed for one attempt; {@code attempts} counts this one. */
    public record Claimed(long id, String phoneNumberE164, String body, int segments, int attempts) {}

    public record Depth(long queued, double oldestAgeSeconds) {}

    private static final RowMapper<Depth> DEPTH_ROWS = new DataClassRowMapper<>(Depth.class);
    private static final RowMapper<Claimed> CLAIMED_ROWS = new DataClassRowMapper<>(Claimed.class);

    private static final String ACCEPT = sql("""
            with m as (
              insert into messages (customer_id, template_id, phone_number_e164, body, encoding, segments, sent_by,
                                    created_at, next_attempt_at)
              values (:customer, :template, :e164, :body, :encoding, :segments, :sentBy, {now}, {now}) returning %s
            ), e as (
              insert into message_events (message_id, status, detail, created_at) select id, {queued}, 'accepted', {now} from m
            )
            select %<s from m""".formatted(MessageView.COLUMNS));

    private static final String CLAIM = sql("""
            with claimed as (
              update messages m set status = {sending}, attempts = m.attempts + 1,
                     lease_until = {now} + make_interval(secs => :lease)
              where m.id in (select id from messages where status = {queued} and next_attempt_at <= {now}
                             order by next_attempt_at, id limit :limit for update skip locked)
              returning m.id, m.phone_number_e164, m.body, m.segments, m.attempts
            ), events as (
              insert into message_events (message_id, status, detail, created_at)
              select id, {sending}, 'attempt ' || attempts, {now} from claimed
            )
            select id, phone_number_e164, body, segments, attempts from claimed order by id""");

    private static final String MARK_SENT = sql("""
            with sent as (
              update messages set status = {sent}, provider_message_id = :pid, sent_at = {now},
                     lease_until = null, last_error = null
              where id = :id and status = {sending} and attempts = :attempt
              returning id, extract(epoch from (sent_at - created_at)) as latency
            ), events as (
              insert into message_events (message_id, status, detail, created_at)
              select id, {sent}, 'provider message id ' || :pid, {now} from sent
            )
            select coalesce((select latency from sent), -1)""");

    private static final String RETRY_LATER = sql("""
            with retry as (
              update messages set status = {queued}, lease_until = null, last_error = :error,
                     next_attempt_at = {now} + make_interval(secs => :delay)
              where id = :id and status = {sending} and attempts = :attempt returning id
            )
            insert into message_events (message_id, status, detail, created_at)
            select id, {queued}, 'retry in ' || :delay || ' s: ' || :error, {now} from retry""");

    private static final String FAIL = sql("""
            with failed as (
              update messages set status = {failed}, lease_until = null, last_error = :error
              where id = :id and status = {sending} and attempts = :attempt returning id
            )
            insert into message_events (message_id, status, detail, created_at) select id, {failed}, :error, {now} from failed""");

    private static final String RELEASE = sql("""
            with released as (
              update messages set status = {queued}, lease_until = null, attempts = attempts - 1,
                     next_attempt_at = {now}
              where id = :id and status = {sending} and attempts = :attempt returning id
            )
            insert into message_events (message_id, status, detail, created_at)
            select id, {queued}, 'released at shutdown', {now} from released""");

    private static final String POSTPONE = sql("""
            with postponed as (
              update messages set status = {queued}, lease_until = null, attempts = attempts - 1, last_error = :error,
                     next_attempt_at = {now} + make_interval(secs => :delay)
              where id = :id and status = {sending} and attempts = :attempt returning id
            )
            insert into message_events (message_id, status, detail, created_at)
            select id, {queued}, 'provider outage, not counted as an attempt; retry in ' || :delay || ' s: ' || :error,
                   {now}
            from postponed""");

    private static final String EXTEND_LEASE = sql("""
            update messages set lease_until = {now} + make_interval(secs => :lease)
            where id = any(:ids) and status = {sending}""");

    private static final String RECLAIM_EXPIRED = sql("""
            with reclaimed as (
              update messages set status = {queued}, lease_until = null, next_attempt_at = {now}
              where id in (select id from messages where status = {sending} and lease_until < {now}
                           order by lease_until limit :limit for update skip locked)
              returning id
            )
            insert into message_events (message_id, status, detail, created_at)
            select id, {queued}, 'lease expired: reclaimed from a stopped instance', {now} from reclaimed""");

    private static final String DEPTH = sql("""
            select count(*) as queued,
                   coalesce(extract(epoch from ({now} - min(created_at))), 0) as oldest_age_seconds
            from messages where status = {queued}""");

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Stores a queued message and its first status event, in one statement. */
    MessageView accept(NewMessage m) {
        return jdbc.sql(ACCEPT)
                .param("now", now())
                .param("customer", m.customerId())
                .param("template", m.templateId())
                .param("e164", m.e164())
                .param("body", m.body())
                .param("encoding", m.encoding())
                .param("segments", m.segments())
                .param("sentBy", m.sentBy())
                .query(MessageView::map)
                .single();
    }

    /** Claims due messages; SKIP LOCKED lets any number of instances claim side by side without overlap. */
    public List<Claimed> claim(int limit, Duration lease) {
        return jdbc.sql(CLAIM)
                .param("now", now())
                .param("lease", lease.toMillis() / 1000.0)
                .param("limit", limit)
                .query(CLAIMED_ROWS)
                .list();
    }

    /** Marks it sent and returns the accepted-to-sent latency in seconds (negative when it was no longer ours). */
    public double markSent(Claimed message, String providerMessageId) {
        return jdbc.sql(MARK_SENT)
                .param("now", now())
                .param("id", message.id())
                .param("attempt", message.attempts())
                .param("pid", providerMessageId)
                .query(Double.class)
                .single();
    }

    public void retryLater(Claimed message, Duration delay, String error) {
        jdbc.sql(RETRY_LATER)
                .param("now", now())
                .param("id", message.id())
                .param("attempt", message.attempts())
                .param("delay", delay.toMillis() / 1000.0)
                .param("error", error)
                .update();
    }

    public void fail(Claimed message, String error) {
        jdbc.sql(FAIL)
                .param("now", now())
                .param("id", message.id())
                .param("attempt", message.attempts())
                .param("error", error)
                .update();
    }

    /** Back to the queue after a provider outage, without counting the attempt. */
    public void postpone(Claimed message, Duration delay, String error) {
        jdbc.sql(POSTPONE)
                .param("now", now())
                .param("id", message.id())
                .param("attempt", message.attempts())
                .param("delay", delay.toMillis() / 1000.0)
                .param("error", error)
                .update();
    }

    /** Moves the lease of claimed messages to {@code lease} from now, for a batch that waits long for its slots. */
    public void extendLease(List<Claimed> messages, Duration lease) {
        jdbc.sql(EXTEND_LEASE)
                .param("now", now())
                .param("ids", messages.stream().mapToLong(Claimed::id).toArray())
                .param("lease", lease.toMillis() / 1000.0)
                .update();
    }

    /** Gives claimed but unsent messages back at shutdown, without counting the attempt. */
    public void release(List<Claimed> messages) {
        for (Claimed m : messages) {
            jdbc.sql(RELEASE)
                    .param("now", now())
                    .param("id", m.id())
                    .param("attempt", m.attempts())
                    .update();
        }
    }

    /** Requeues up to {@code limit} messages whose instance died while sending them; returns how many. */
    public int reclaimExpired(int limit) {
        return jdbc.sql(RECLAIM_EXPIRED)
                .param("now", now())
                .param("limit", limit)
                .update();
    }

    public Depth depth() {
        return jdbc.sql(DEPTH).param("now", now()).query(DEPTH_ROWS).single();
    }

    /** Puts the status literals into a statement's text. */
    private static String sql(String text) {
        String result = text;
        for (MessageStatus status : MessageStatus.values()) {
            result = result.replace("{" + status.value() + "}", status.sql());
        }
        return ClockSql.of(result);
    }
}
