package dev.hato.sms.dispatch;

import dev.hato.sms.message.MessageAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The hand-off from send to delivery: once a send's transaction has committed, counts the accepted
 * message and wakes this instance's dispatcher, so the message goes out without waiting for the next
 * poll. (Other instances find it at their next poll; nothing is lost if this never runs.)
 */
@Component
class AcceptedMessageHandoff {

    private final Counter accepted;
    private final ObjectProvider<Dispatcher> dispatcher;

    AcceptedMessageHandoff(MeterRegistry registry, ObjectProvider<Dispatcher> dispatcher) {
        this.accepted = Counter.builder(SmsMetricNames.ACCEPTED)
                .description("Messages stored as queued by POST /api/sms/send")
                .register(registry);
        this.dispatcher = dispatcher;
    }

    @TransactionalEventListener
    void onAccepted(MessageAccepted event) {
        accepted.increment();
        dispatcher.ifAvailable(Dispatcher::wake);
    }
}
