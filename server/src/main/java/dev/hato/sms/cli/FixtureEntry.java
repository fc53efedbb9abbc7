package dev.hato.sms.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One entry of a Django fixture, with readers that name the entry in every error. */
record FixtureEntry(String source, int index, JsonNode node) {

    FixtureException error(String message) {
        JsonNode model = node.path("model");
        JsonNode pk = node.path("pk");
        return new FixtureException(source + ": entry #" + (index + 1)
                + (model.isString() ? " (" + model.asString() + (pk.isMissingNode() ? "" : ", pk " + pk) + ")" : "")
                + ": " + message);
    }

    JsonNode fields() {
        return node.path("fields");
    }

    void checkFields(Set<String> known) {
        for (String name : fields().propertyNames()) {
            if (!known.contains(name)) {
                throw error("unknown field \"" + name + "\"");
            }
        }
    }

    @Nullable
    String text(String field, boolean required) {
        JsonNode value = fields().path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw error("\"" + field + "\" is required");
            }
            return null;
        }
        if (!value.isString() || (required && value.asString().isBlank())) {
            throw error("\"" + field + "\" must be a non-empty string");
        }
        return value.asString();
    }

    boolean flag(String field, boolean fallback) {
        JsonNode value = fields().path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error("\"" + field + "\" must be true or false");
        }
        return value.booleanValue();
    }

    @Nullable
    Instant timestamp(String field) {
        String value = text(field, false);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.replace(' ', 'T').replace("Z", "+00:00"))
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw error("\"" + field + "\" is not an ISO-8601 date-time with offset");
        }
    }
}
