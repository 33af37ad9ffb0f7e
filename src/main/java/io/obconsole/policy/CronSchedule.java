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

/** The text is a Quartz cron expression (seconds first), at most 120 characters; blank: none given. */
@Documented
@Constraint(validatedBy = CronSchedule.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface CronSchedule {

    String message() default Schedule.NOT_A_CRON;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, as {@link Schedule} reads the text. */
    class Check implements ConstraintValidator<CronSchedule, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Schedule.isCron(value);
        }
    }
}
