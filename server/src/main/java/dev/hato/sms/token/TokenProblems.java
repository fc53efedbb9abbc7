package dev.hato.sms.token;

import dev.hato.sms.web.ProblemType;
import dev.hato.sms.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Why a send's one-time token cannot be used. */
@Component
final class TokenProblems implements ProblemTypes {

    static final ProblemType UNKNOWN =
            new ProblemType("token-unknown", HttpStatus.BAD_REQUEST, "Unknown token", "the token was never issued");
    static final ProblemType EXPIRED =
            new ProblemType("token-expired", HttpStatus.BAD_REQUEST, "Token expired", "the token expired");
    static final ProblemType CUSTOMER_MISMATCH = new ProblemType(
            "token-customer-mismatch",
            HttpStatus.BAD_REQUEST,
            "Token belongs to another customer",
            "the token was issued for another customer");
    static final ProblemType USED =
            new ProblemType("token-used", HttpStatus.CONFLICT, "Token already used", "the token was used already");
}
