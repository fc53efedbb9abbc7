package dev.hato.sms.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sms-text-cases.json: strings with the encoding, length and segments carriers bill for them. The
 * server's SmsText and the console's JavaScript counter are both checked against it.
 */
public final class SmsTextCases {

    /** One case: the text is its parts, each repeated. */
    public record Case(String name, String text, String encoding, int length, int segments) {}

    private SmsTextCases() {}

    public static List<Case> all() throws IOException {
        try (InputStream in = SmsTextCases.class.getResourceAsStream("/sms-text-cases.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            return root.valueStream()
                    .map(node -> {
                        StringBuilder text = new StringBuilder();
                        node.get("parts")
                                .forEach(part -> text.append(part.get(0)
                                        .asString()
                                        .repeat(part.get(1).asInt())));
                        return new Case(
                                node.get("name").asString(),
                                text.toString(),
                                node.get("encoding").asString(),
                                node.get("length").asInt(),
                                node.get("segments").asInt());
                    })
                    .toList();
        }
    }
}
