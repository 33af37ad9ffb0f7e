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

/** An objective's figure is an ISO-8601 duration ({@code PT12H}, {@code P7D}, any case); blank: not set. */
@Documented
@Constraint(validatedBy = IsoDuration.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface IsoDuration {

    /** The figure's name, as the message says it. */
    String figure();

    String message() default "{io.obconsole.policy.IsoDuration.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, as {@link ObjectiveOverride} reads the text. */
    class Check implements ConstraintValidator<IsoDuration, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || ObjectiveOverride.duration(value).isPresent();
        }
    }
}
