package io.obconsole.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What a failed job's RESULT code means and what to do, in plain words next to OceanBase's own COMMENT. */
@ApplicationScoped
public class FailureExplanations {

    @Inject
    Messages msg;

    /** The explanation of a job result; null for success, a general sentence for codes not known here. */
    public String of(long result) {
        if (result == 0) {
            return null;
        }
        return switch ((int) Math.abs(result)) {
            case 9070 -> msg.failure_9070();
            case 4009 -> msg.failure_4009();
            case 9029 -> msg.failure_9029();
            case 9027 -> msg.failure_9027();
            case 9064 -> msg.failure_9064();
            case 4012 -> msg.failure_4012();
            default -> msg.failure_other();
        };
    }
}
