package io.obconsole.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one path from a declared constraint (Hibernate Validator, texts in
 * {@code ValidationMessages.properties}) to the refusal a person gets: an
 * {@link InvalidRequestException} whose rule is the constraint's message and whose message adds
 * the quote the constraint asks for ({@link Quote}). Services run it where they admit a request
 * (after authorization, so a refusal is audited like every invalid request); the REST layer's own
 * violations are worded by it too.
 */
@ApplicationScoped
public class InputValidation {

    /**
     * Checks that come before anything else, even authorization, because without them the request
     * cannot be read at all (a number that is no number); a refusal of these is not audited.
     */
    public interface Readable {
    }

    private final Validator validator;

    InputValidation(Validator validator) {
        this.validator = validator;
    }

    /** {@code input} when it keeps every constraint of the groups (the default group when none is given). */
    public <T> T valid(T input, Class<?>... groups) {
        Set<ConstraintViolation<T>> violations = validator.validate(input, groups);
        if (!violations.isEmpty()) {
            throw refusal(violations);
        }
        return input;
    }

    /**
     * The refusal for the first violation, in the order the input declares its fields (a record's
     * components), as the checks by hand ran before.
     */
    public InvalidRequestException refusal(Collection<? extends ConstraintViolation<?>> violations) {
        ConstraintViolation<?> first = violations.stream().min(Comparator
                .comparingInt((ConstraintViolation<?> v) -> declared(v)).thenComparingInt(InputValidation::declaredInLeaf)
                .thenComparing(v -> v.getPropertyPath().toString())).orElseThrow();
        String rule = first.getMessage();
        return new InvalidRequestException(rule + Quote.suffix(first), rule);
    }

    /** Where the violated field stands among its input's fields (a method's parameters: their position). */
    private static int declared(ConstraintViolation<?> violation) {
        List<String> fields = fields(violation.getRootBeanClass());
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.as(Path.ParameterNode.class).getParameterIndex();
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                int index = fields.indexOf(node.getName());
                return index < 0 ? Integer.MAX_VALUE : index;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Where the violated field stands among the fields of the object that holds it (a nested record). */
    private static int declaredInLeaf(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        int index = violation.getLeafBean() == null ? -1 : fields(violation.getLeafBean().getClass()).indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static List<String> fields(Class<?> type) {
        if (type == null) {
            return List.of();
        }
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(type.getDeclaredFields()).map(java.lang.reflect.Field::getName).toList();
    }
}
