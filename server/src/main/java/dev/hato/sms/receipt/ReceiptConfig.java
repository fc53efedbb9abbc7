package dev.hato.sms.receipt;

import dev.hato.sms.dispatch.SandboxProperties;
import dev.hato.sms.dispatch.SandboxSmsProvider;
import dev.hato.sms.message.DeliveryReceipts;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where receipts come from: the queue (when its URL is set), the sandbox (when its receipts are on). */
@Configuration(proxyBeanMethods = false)
class ReceiptConfig {

    /** Background work: not in command-line tasks, which turn scheduling off. */
    static final String BACKGROUND = "${sms.scheduling.enabled:true}";

    @Bean
    @ConditionalOnExpression(BACKGROUND + " and '${sms.receipts.queue-url:}' != ''")
    SqsReceiptQueue sqsReceiptQueue(ReceiptProperties properties, ReceiptHandler handler, ReceiptMetrics metrics) {
        return new SqsReceiptQueue(properties, handler, metrics);
    }

    @Bean
    @ConditionalOnExpression("'${sms.provider:sandbox}' == 'sandbox' and ${sms.sandbox.receipts:true}")
    SandboxReceipts sandboxReceipts(
            SandboxSmsProvider sandbox, SandboxProperties properties, ReceiptHandler handler, Clock clock) {
        return new SandboxReceipts(sandbox, properties, handler, clock);
    }

    @Bean
    @ConditionalOnExpression("'${sms.receipts.queue-url:}' != '' or ('${sms.provider:sandbox}' == 'sandbox'"
            + " and ${sms.sandbox.receipts:true})")
    FinalAfterSweep finalAfterSweep(
            DeliveryReceipts receipts, ReceiptProperties properties, ReceiptMetrics metrics, Clock clock) {
        return new FinalAfterSweep(receipts, properties, metrics, clock);
    }
}
