package dev.hato.sms.message;

/** Published inside the send transaction; listeners that act after commit see a stored, queued message. */
public record MessageAccepted(long messageId) {}
