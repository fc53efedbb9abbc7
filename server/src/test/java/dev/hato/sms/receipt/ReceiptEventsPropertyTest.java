package dev.hato.sms.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.message.DeliveryReceipt;
import java.math.BigDecimal;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Events are untrusted input: whatever arrives is a receipt, ignored or malformed, never an exception. */
class ReceiptEventsPropertyTest {

    static final String AWS_EXAMPLE = """
            {"eventType":"TEXT_SUCCESSFUL","eventVersion":"1.0","eventTimestamp":1686975103470,"isFinal":true,
             "originationPhoneNumber":"+12065550152","destinationPhoneNumber":"+14255550156",
             "isInternationalSend":false,"mcc":"310","mnc":"800","messageId":"862a8790-60c0-4430-9b2b-658bdexample",
             "messageRequestTimestamp":1686975103170,"messageEncoding":"GSM","messageType":"PROMOTIONAL",
             "messageStatus":"SUCCESSFUL","messageStatusDescription":"Message has been accepted by phone carrier",
             "context":{"hato_message_id":"77"},"totalMessageParts":1,"totalMessagePrice":0.09582,"totalCarrierFee":0.0}""";

    @Example
    void awsDocumentedEventIsAReceiptWithItsPartsPriceAndTime() {
        ReceiptEvents.Parsed parsed = ReceiptEvents.parse(AWS_EXAMPLE);

        assertThat(parsed).isInstanceOf(ReceiptEvents.Parsed.Receipt.class);
        DeliveryReceipt receipt = ((ReceiptEvents.Parsed.Receipt) parsed).receipt();
        assertThat(receipt.messageId()).isEqualTo(77);
        assertThat(receipt.providerMessageId()).isEqualTo("862a8790-60c0-4430-9b2b-658bdexample");
        // Final TEXT_SUCCESSFUL: where carriers report no handset delivery, AWS's last word.
        assertThat(receipt.outcome()).isEqualTo(DeliveryReceipt.Outcome.DELIVERED);
        assertThat(receipt.parts()).isEqualTo(1);
        assertThat(receipt.priceUsd()).isEqualByComparingTo(new BigDecimal("0.09582"));
        assertThat(receipt.reportedAt()).isEqualTo(Instant.ofEpochMilli(1686975103470L));
        assertThat(receipt.carrierDetail()).isEqualTo("Message has been accepted by phone carrier");
    }

    @Example
    void theSnsEnvelopeAndEventBridgesEventCarryTheSameReceipt() {
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"arn:aws:sns:x\",\"Message\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(AWS_EXAMPLE) + "}";
        String eventBridge = "{\"version\":\"0\",\"detail-type\":\"Text Message Delivery Status Updated\","
                + "\"source\":\"aws.sms-voice\",\"detail\":" + AWS_EXAMPLE + "}";

        assertThat(ReceiptEvents.parse(envelope)).isEqualTo(ReceiptEvents.parse(AWS_EXAMPLE));
        assertThat(ReceiptEvents.parse(eventBridge)).isEqualTo(ReceiptEvents.parse(AWS_EXAMPLE));
    }

    @Example
    void eachEventTypeMeansWhatAwsDocumentsItToMean() {
        assertThat(ReceiptEvents.outcome("TEXT_DELIVERED", true)).isEqualTo(DeliveryReceipt.Outcome.DELIVERED);
        assertThat(ReceiptEvents.outcome("TEXT_SUCCESSFUL", false)).isEqualTo(DeliveryReceipt.Outcome.PROGRESS);
        assertThat(ReceiptEvents.outcome("TEXT_QUEUED", false)).isEqualTo(DeliveryReceipt.Outcome.PROGRESS);
        assertThat(ReceiptEvents.outcome("TEXT_PENDING", false)).isEqualTo(DeliveryReceipt.Outcome.PROGRESS);
        for (String failure : ReceiptEvents.UNDELIVERED) {
            assertThat(ReceiptEvents.outcome(failure, true)).as(failure).isEqualTo(DeliveryReceipt.Outcome.UNDELIVERED);
        }
        assertThat(ReceiptEvents.outcome("TEXT_UNKNOWN", true)).isEqualTo(DeliveryReceipt.Outcome.UNKNOWN);
        assertThat(ReceiptEvents.outcome("TEXT_SOMETHING_NEW", true)).isEqualTo(DeliveryReceipt.Outcome.UNKNOWN);
        assertThat(ReceiptEvents.parse(AWS_EXAMPLE.replace("TEXT_SUCCESSFUL", "VOICE_COMPLETED")))
                .isInstanceOf(ReceiptEvents.Parsed.Ignored.class);
    }

    @Example
    void anEventWithoutThisServicesMessageIdOrWithBadFiguresIsMalformed() {
        assertThat(ReceiptEvents.parse(AWS_EXAMPLE.replace("\"hato_message_id\":\"77\"", "\"account\":\"bar\"")))
                .isInstanceOf(ReceiptEvents.Parsed.Malformed.class);
        assertThat(ReceiptEvents.parse(AWS_EXAMPLE.replace("\"totalMessageParts\":1", "\"totalMessageParts\":\"1\"")))
                .isInstanceOf(ReceiptEvents.Parsed.Malformed.class);
        assertThat(ReceiptEvents.parse(AWS_EXAMPLE.replace("0.09582", "-1")))
                .isInstanceOf(ReceiptEvents.Parsed.Malformed.class);
        assertThat(ReceiptEvents.parse("[1, 2]")).isInstanceOf(ReceiptEvents.Parsed.Malformed.class);
        assertThat(ReceiptEvents.parse("{\"Type\":\"Notification\",\"Message\":\"not json\"}"))
                .isInstanceOf(ReceiptEvents.Parsed.Malformed.class);
    }

    @Property(tries = 2000)
    void anythingAtAllParsesToAnOutcomeWithoutThrowing(@ForAll("bodies") String body) {
        assertThat(ReceiptEvents.parse(body)).isNotNull();
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(300);
        // The documented event with one value replaced by something arbitrary, or cut short anywhere.
        Arbitrary<String> mutated = Arbitraries.of(
                        "TEXT_SUCCESSFUL",
                        "1686975103470",
                        "true",
                        "862a8790-60c0-4430-9b2b-658bdexample",
                        "77",
                        "1",
                        "0.09582",
                        "{\"hato_message_id\":\"77\"}")
                .flatMap(part -> Arbitraries.oneOf(
                                anyText,
                                Arbitraries.of("null", "[]", "{}", "-1", "1e400", "\"\"", "99999999999999999999999"))
                        .map(value -> AWS_EXAMPLE.replace(part, value)));
        Arbitrary<String> truncated =
                Arbitraries.integers().between(0, AWS_EXAMPLE.length()).map(n -> AWS_EXAMPLE.substring(0, n));
        return Arbitraries.oneOf(anyText, mutated, truncated);
    }
}
