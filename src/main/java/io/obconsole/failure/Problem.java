package io.obconsole.failure;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.obconsole.backup.PreflightFinding;
import java.util.List;

/**
 * A failure as RFC 9457 problem details ({@code application/problem+json}): {@code type},
 * {@code title}, {@code status}, {@code detail}, plus the console's members: {@code error} (the
 * kind, as before), OceanBase's {@code obCode} and {@code obText}, {@code explanation},
 * {@code nextStep} and a refused preflight's {@code findings}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String error, Integer obCode,
        String obText, String explanation, String nextStep, List<PreflightFinding> findings) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(Failure failure) {
        return new Problem(failure.kind().type(), failure.title(), failure.status(), failure.detail(),
                failure.kind().name(), failure.obCode(), failure.obText(), failure.explanation(), failure.nextStep(),
                failure.findings());
    }
}
