package io.obconsole.backup;

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
 * A form's text field holds a whole number (surrounding spaces allowed; blank: none given). The
 * range is named in the message only: a number out of range is refused where the request is
 * admitted, by the constraint on the number itself.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface WholeNumber {

    /** What the number is, as the message begins. */
    String what();

    long min();

    long max();

    String message() default "{io.obconsole.backup.WholeNumber.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WholeNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || read(value) != null;
        }

        /** The number in the text; null when it is blank or no whole number. */
        public static Integer read(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
