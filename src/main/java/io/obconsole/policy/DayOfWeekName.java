package io.obconsole.policy;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The text is a day of the week: MON or MONDAY, any case; blank: none. */
@Documented
@Constraint(validatedBy = DayOfWeekName.Check.class)
@Target({TYPE_USE})
@Retention(RUNTIME)
public @interface DayOfWeekName {

    String message() default Schedule.NOT_A_DAY;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, as {@link Schedule} reads the text. */
    class Check implements ConstraintValidator<DayOfWeekName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Schedule.dayOfWeek(value).isPresent();
        }
    }
}
