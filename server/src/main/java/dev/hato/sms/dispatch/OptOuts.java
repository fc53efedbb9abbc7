package dev.hato.sms.dispatch;

import java.util.Collection;
import java.util.Set;

/** Which of a batch's numbers opted out after their messages were accepted (customer's suppression list). */
@FunctionalInterface
public interface OptOuts {

    OptOuts NONE = numbers -> Set.of();

    Set<String> among(Collection<String> e164s);
}
