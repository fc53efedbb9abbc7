package dev.hato.sms.auth;

import dev.hato.sms.web.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session marks a session changed on every request just to move its last-access time, which
 * costs an UPDATE per request. This wrapper lets that time move only when it is older than the
 * interval; sessions may then expire up to one interval early (60 s of an 8-hour timeout).
 * Attribute changes, id changes and new sessions are saved as before.
 */
final class TouchThrottlingSessionRepository
        implements FindByIndexNameSessionRepository<TouchThrottlingSessionRepository.ThrottledSession>, DisposableBean {

    private final FindByIndexNameSessionRepository<Session> delegate;
    private final DisposableBean lifecycle;
    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(TouchThrottlingSessionRepository.class);

    private final Duration interval;

    @SuppressWarnings({"unchecked", "rawtypes"})
    TouchThrottlingSessionRepository(JdbcIndexedSessionRepository repository, Duration interval) {
        // Its session type is package-private, so it is used through the interface.
        this.delegate = (FindByIndexNameSessionRepository) repository;
        this.lifecycle = repository;
        this.interval = interval;
    }

    @Override
    public ThrottledSession createSession() {
        return new ThrottledSession(delegate.createSession(), interval);
    }

    /**
     * Saved after the response is committed, so a failure here could only cut the answer off: while
     * the database is unreachable the session keeps its stored state (at worst an older last-access
     * time, or a login that has to be repeated) and the answer goes out whole.
     */
    @Override
    public void save(ThrottledSession session) {
        try {
            delegate.save(session.delegate);
        } catch (RuntimeException e) {
            if (!Failures.isDatabaseUnavailable(e)) {
                throw e;
            }
            // Never the id itself: whoever reads the log could use it for the session's remaining hours.
            log.warn("Session {} not saved, database unavailable: {}", forLog(session.getId()), e.toString());
        }
    }

    @Override
    public ThrottledSession findById(String id) {
        Session session = SessionReadMemo.get(id);
        if (session == null) {
            session = delegate.findById(id);
            if (session != null) {
                SessionReadMemo.remember(session);
            }
        }
        return session == null ? null : new ThrottledSession(session, interval);
    }

    @Override
    public void deleteById(String id) {
        SessionReadMemo.forget(id);
        delegate.deleteById(id);
    }

    @Override
    public Map<String, ThrottledSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return delegate.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new ThrottledSession(e.getValue(), interval)));
    }

    @Override
    public void destroy() throws Exception {
        lifecycle.destroy();
    }

    /** A session whose last-access time moves at most once per interval. */
    static final class ThrottledSession implements Session {
        private final Session delegate;
        private final Duration interval;

        ThrottledSession(Session delegate, Duration interval) {
            this.delegate = delegate;
            this.interval = interval;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (Duration.between(delegate.getLastAccessedTime(), time).compareTo(interval) >= 0) {
                delegate.setLastAccessedTime(time);
            }
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration duration) {
            delegate.setMaxInactiveInterval(duration);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }

    /** A session id as logs may show it: enough of its SHA-256 to tell sessions apart, nothing to use. */
    static String forLog(String id) {
        return "sha256:" + java.util.HexFormat.of().formatHex(Sha256.of(id), 0, 6);
    }
}
