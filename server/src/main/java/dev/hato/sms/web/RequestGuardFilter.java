package dev.hato.sms.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost guard of every request (after the request id): bodies larger than the limit are refused
 * before anyone reads them (413), and whatever a later filter throws becomes problem JSON instead of
 * Tomcat's HTML page: 503 with Retry-After when the database is unreachable, 500 otherwise.
 */
class RequestGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuardFilter.class);

    private final ProblemWriter problems;
    private final long maxBody;

    private final java.util.Map<String, Long> uploads;

    RequestGuardFilter(ProblemWriter problems, long maxBody, java.util.List<UploadLimit> uploads) {
        this.problems = problems;
        this.maxBody = maxBody;
        this.uploads = uploads.stream()
                .collect(java.util.stream.Collectors.toMap(UploadLimit::path, UploadLimit::bytes, Math::max));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        long limit = uploads.getOrDefault(request.getRequestURI(), maxBody);
        if (request.getContentLengthLong() > limit) {
            problems.write(response, Problems.requestTooLarge());
            return;
        }
        try {
            chain.doFilter(new LimitedBody(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<Problems.Answer> answer = Problems.forFailure(e);
            if (response.isCommitted()) {
                if (answer.isPresent()) {
                    // The answer is already on its way (the session's bookkeeping failed after it): let it finish.
                    log.warn("Failure after the answer was committed: {}", e.toString());
                    return;
                }
                throw e instanceof IOException io ? io : new IOException(e);
            }
            response.reset();
            if (answer.isPresent()) {
                log.warn("Refused before or after the controller: {}", e.toString());
                write(response, answer.get());
            } else {
                log.error("Unexpected error before or after the controller", e);
                problems.write(response, Problems.internalError());
            }
        }
    }

    private void write(HttpServletResponse response, Problems.Answer answer) throws IOException {
        if (answer.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()));
        }
        problems.write(response, answer.problem());
    }

    /** Thrown when a body without Content-Length (chunked) grows past the limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("request body larger than " + limit + " bytes", null);
        }
    }

    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
