package dev.hato.sms.support;

/** Events as End User Messaging SMS's event destination writes them (its documented SMS event format). */
public final class AwsEvents {

    private AwsEvents() {}

    /** A text event about this service's message {@code messageId}, sent as {@code providerId}: 1 part, USD 0.07451. */
    public static String text(String type, boolean isFinal, long messageId, String providerId) {
        long now = System.currentTimeMillis();
        return """
                {"eventType":"%s","eventVersion":"1.0","eventTimestamp":%d,"isFinal":%s,
                 "originationPhoneNumber":"+81800000000","destinationPhoneNumber":"+819012345678",
                 "isoCountryCode":"JP","isInternationalSend":false,"mcc":"440","mnc":"10",
                 "messageId":"%s","messageRequestTimestamp":%d,"messageEncoding":"UCS2",
                 "messageType":"TRANSACTIONAL","messageStatus":"%s",
                 "messageStatusDescription":"Message has been accepted by phone",
                 "context":{"hato_message_id":"%d"},
                 "totalMessageParts":1,"totalMessagePrice":0.07451,"totalCarrierFee":0.0}""".formatted(type, now, isFinal, providerId, now - 1000, type.substring(5), messageId);
    }
}
