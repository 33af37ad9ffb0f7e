package io.obconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.obconsole.backup.PreflightFinding;
import java.util.List;

/**
 * The body of every API error: a stable kind, the message for people, and when OceanBase
 * answered, its number and text with a plain explanation and the next step. Preflight refusals
 * carry their findings (each with its fix).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, Integer obCode, String obText, String explanation,
        String nextStep, List<PreflightFinding> findings) {

    static ApiError of(String error, String message) {
        return new ApiError(error, message, null, null, null, null, null);
    }
}
