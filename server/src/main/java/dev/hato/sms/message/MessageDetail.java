package dev.hato.sms.message;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A message with its status trail, oldest event first. */
public record MessageDetail(
        @JsonUnwrapped MessageView message, @Nullable String sentByUsername, List<Event> events) {

    public record Event(String status, String detail, OffsetDateTime createdAt) {}
}
