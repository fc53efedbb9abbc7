package dev.hato.sms.dispatch;

/**
 * Names of the delivery metrics, for the module that registers them and for {@code ops}, which reads
 * them back for its summary. docs/operations.md lists them with their Prometheus names.
 */
public final class SmsMetricNames {

    public static final String ACCEPTED = "sms.messages.accepted";
    public static final String SENT = "sms.messages.sent";
    /** Tagged {@code reason}: {@link #PERMANENT}, {@link #EXHAUSTED} or {@link #OPTED_OUT}. */
    public static final String FAILED = "sms.messages.failed";

    public static final String REASON = "reason";
    public static final String PERMANENT = "permanent";
    public static final String EXHAUSTED = "exhausted";
    public static final String OPTED_OUT = "opted-out";

    public static final String RETRIED = "sms.messages.retried";
    public static final String PROVIDER_ERRORS = "sms.provider.errors";
    public static final String PROVIDER_LATENCY = "sms.provider.latency";
    public static final String DELIVERY_LATENCY = "sms.delivery.latency";
    public static final String RATE_LIMITER_WAIT = "sms.dispatch.rate_limiter.wait";
    public static final String QUEUE_DEPTH = "sms.queue.depth";
    public static final String QUEUE_OLDEST_AGE = "sms.queue.oldest.age";

    private SmsMetricNames() {}
}
