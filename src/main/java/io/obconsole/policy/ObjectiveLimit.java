package io.obconsole.policy;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An objective's figure, once it is a duration ({@link IsoDuration} refuses one that is not), lies
 * within the limits every objective has: {@code PT0S} (no objective for it), or PT1M to P366D.
 */
@Documented
@Constraint(validatedBy = ObjectiveLimit.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface ObjectiveLimit {

    /** The figure's name, as the message says it. */
    String figure();

    String message() default "{io.obconsole.policy.ObjectiveLimit.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, as {@link ObjectiveOverride} holds it. */
    class Check implements ConstraintValidator<ObjectiveLimit, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank()
                    || ObjectiveOverride.duration(value).map(ObjectiveOverride::withinLimits).orElse(true);
        }
    }
}
