package dev.hato.sms.dispatch;

import java.util.Collection;
import java.util.Set;

/** Which of a batch's numbers opted out after their messages were accepted (customer's suppression list). */
@FunctionalInterface
public interface OptOuts {

    OptOuts NONE = numbers -> Set.of();

    Set<String> among(Collection<String> e164s);

    /** The provider refused a message because the number opted out with it ({@code code}: its error). */
    default void reportedByProvider(String e164, String code) {}

    static OptOuts of(OptOuts among, java.util.function.BiConsumer<String, String> reportedByProvider) {
        return new OptOuts() {
            @Override
            public Set<String> among(Collection<String> e164s) {
                return among.among(e164s);
            }

            @Override
            public void reportedByProvider(String e164, String code) {
                reportedByProvider.accept(e164, code);
            }
        };
    }
}
