package dev.hato.sms.customer;

import dev.hato.sms.web.ProblemType;
import dev.hato.sms.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Why a change to a customer is refused. */
@Component
final class CustomerProblems implements ProblemTypes {

    /** Lifting an opt-out is a compliance decision: a superuser makes it, with a recorded reason. */
    static final ProblemType OPT_OUT_LIFT_FORBIDDEN = new ProblemType(
            "opt-out-lift-forbidden",
            HttpStatus.FORBIDDEN,
            "Only superusers may lift an opt-out",
            "a staff member without the superuser flag sent `opted_out: false` for an opted-out number");
}
