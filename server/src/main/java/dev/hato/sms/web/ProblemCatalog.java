package dev.hato.sms.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every problem {@code type} the API answers with, gathered from the modules that own them ({@link
 * ProblemTypes}): the list of docs/api.md (a test compares them) and of each operation's errors in the
 * OpenAPI document.
 */
@Component
public class ProblemCatalog {

    private final Map<String, ProblemType> types = new LinkedHashMap<>();

    public ProblemCatalog(List<ProblemTypes> modules) {
        for (ProblemTypes module : modules) {
            for (ProblemType type : module.problemTypes()) {
                ProblemType earlier = types.putIfAbsent(type.slug(), type);
                if (earlier != null) {
                    throw new IllegalStateException("problem type " + type.slug() + " is declared twice");
                }
            }
        }
    }

    public Map<String, ProblemType> entries() {
        return Map.copyOf(types);
    }

    public ProblemType get(String slug) {
        ProblemType type = types.get(slug);
        if (type == null) {
            throw new IllegalArgumentException("not a problem type of the catalogue: " + slug);
        }
        return type;
    }
}
