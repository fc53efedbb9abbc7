package dev.hato.sms.template;

import dev.hato.sms.web.ProblemType;
import dev.hato.sms.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Templates that cannot be stored, and messages that cannot be rendered from them. */
@Component
final class TemplateProblems implements ProblemTypes {

    static final ProblemType NAME_TAKEN = new ProblemType(
            "template-name-taken",
            HttpStatus.CONFLICT,
            "Template name already used",
            "the customer already has a template of that name");
    static final ProblemType MISSING_VARIABLE = new ProblemType(
            "missing-variable",
            HttpStatus.BAD_REQUEST,
            "Template variable without a value",
            "a placeholder has no value");
    static final ProblemType BODY_TOO_LONG = new ProblemType(
            "body-too-long", HttpStatus.BAD_REQUEST, "Message too long", "the rendered message exceeds the limit");
}
