package dev.hato.sms.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types an endpoint answers with besides those every endpoint can give (401, 403, 500);
 * the OpenAPI document lists them per status with the problem schema.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {
    /** Slugs of {@link ProblemCatalog}. */
    String[] value();
}
