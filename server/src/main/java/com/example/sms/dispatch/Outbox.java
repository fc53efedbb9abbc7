package com.example.sms.dispatch;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The messages table seen as an outbox. Every transition is one statement that also writes its
 * status event, and every finishing transition requires status "sending", so a message reclaimed by
 * another instance cannot be finished twice.
 */
class Outbox {

    private static final RowMapper<Depth> DEPTH_ROWS = new DataClassRowMapper<>(Depth.class);

    private static final RowMapper<Claimed> CLAIMED_ROWS = new DataClassRowMapper<>(Claimed.class);

    record Claimed(long id, String phoneNumberE164, String body, int attempts) {}

    record Depth(long queued, double oldestAgeSeconds) {}

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims due messages; SKIP LOCKED lets any number of instances claim side by side without overlap. */
    List<Claimed> claim(int limit, Duration lease) {
        return jdbc.sql("""
                        with claimed as (
                          update messages m set status = 'sending', attempts = m.attempts + 1,
                                 lease_until = now() + make_interval(secs => :lease)
                          where m.id in (select id from messages where status = 'queued' and next_attempt_at <= now()
                                         order by next_attempt_at, id limit :limit for update skip locked)
                          returning m.id, m.phone_number_e164, m.body, m.attempts
                        ), events as (
                          insert into message_events (message_id, status, detail)
                          select id, 'sending', 'attempt ' || attempts from claimed
                        )
                        select id, phone_number_e164, body, attempts from claimed order by id""")
                .param("lease", lease.toMillis() / 1000.0)
                .param("limit", limit)
                .query(CLAIMED_ROWS)
                .list();
    }

    /** Marks it sent and returns the accepted-to-sent latency in seconds (negative when it was no longer ours). */
    double markSent(long id, String providerMessageId) {
        return jdbc.sql("""
                        with sent as (
                          update messages set status = 'sent', provider_message_id = :pid, sent_at = now(),
                                 lease_until = null, last_error = null
                          where id = :id and status = 'sending'
                          returning id, extract(epoch from (sent_at - created_at)) as latency
                        ), events as (
                          insert into message_events (message_id, status, detail)
                          select id, 'sent', 'provider message id ' || :pid from sent
                        )
                        select coalesce((select latency from sent), -1)""")
                .param("id", id)
                .param("pid", providerMessageId)
                .query(Double.class)
                .single();
    }

    void retryLater(long id, Duration delay, String error) {
        jdbc.sql("""
                        with retry as (
                          update messages set status = 'queued', lease_until = null, last_error = :error,
                                 next_attempt_at = now() + make_interval(secs => :delay)
                          where id = :id and status = 'sending' returning id
                        )
                        insert into message_events (message_id, status, detail)
                        select id, 'queued', 'retry in ' || :delay || ' s: ' || :error from retry""")
                .param("id", id)
                .param("delay", delay.toMillis() / 1000.0)
                .param("error", error)
                .update();
    }

    void fail(long id, String error) {
        jdbc.sql("""
                        with failed as (
                          update messages set status = 'failed', lease_until = null, last_error = :error
                          where id = :id and status = 'sending' returning id
                        )
                        insert into message_events (message_id, status, detail) select id, 'failed', :error from failed""").param("id", id).param("error", error).update();
    }

    /** Gives claimed but unsent messages back at shutdown, without counting the attempt. */
    void release(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with released as (
                          update messages set status = 'queued', lease_until = null, attempts = attempts - 1,
                                 next_attempt_at = now()
                          where id in (:ids) and status = 'sending' returning id
                        )
                        insert into message_events (message_id, status, detail)
                        select id, 'queued', 'released at shutdown' from released""").param("ids", ids).update();
    }

    /** Requeues messages whose instance died while sending them; returns how many. */
    int reclaimExpired() {
        return jdbc.sql("""
                        with reclaimed as (
                          update messages set status = 'queued', lease_until = null, next_attempt_at = now()
                          where id in (select id from messages where status = 'sending' and lease_until < now()
                                       for update skip locked)
                          returning id
                        )
                        insert into message_events (message_id, status, detail)
                        select id, 'queued', 'lease expired: reclaimed from a stopped instance' from reclaimed""").update();
    }

    Depth depth() {
        return jdbc.sql("""
                        select count(*) as queued,
                               coalesce(extract(epoch from (now() - min(created_at))), 0) as oldest_age_seconds
                        from messages where status = 'queued'""").query(DEPTH_ROWS).single();
    }
}
