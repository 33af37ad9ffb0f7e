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

/** The text is a named time zone such as Europe/Berlin; blank: UTC. */
@Documented
@Constraint(validatedBy = TimeZoneName.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface TimeZoneName {

    String message() default Schedule.NOT_A_ZONE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, as {@link Schedule} reads the text. */
    class Check implements ConstraintValidator<TimeZoneName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Schedule.zoneId(value).isPresent();
        }
    }
}
