package io.obconsole.web;

/**
 * The one-line message a page shows after a redirect (POST-redirect-GET). Only known keys are
 * shown, so a crafted link cannot put words on the page.
 */
final class Flash {

    static final String STARTED = "started";
    static final String CANCELED = "canceled";
    static final String SESSION_EXPIRED = "session-expired";
    static final String REVIEW_EXPIRED = "review-expired";
    static final String SETUP_DONE = "setup-done";
    static final String POLICY_SAVED = "policy-saved";
    static final String POLICY_PAUSED = "policy-paused";
    static final String POLICY_RESUMED = "policy-resumed";
    static final String POLICY_DELETED = "policy-deleted";
    static final String OBJECTIVE_SAVED = "objective-saved";
    static final String RESTORE_STARTED = "restore-started";
    static final String RESTORE_CANCELED = "restore-canceled";

    private Flash() {
    }

    static String text(Messages msg, String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case STARTED -> msg.flash_started();
            case CANCELED -> msg.flash_canceled();
            case SESSION_EXPIRED -> msg.flash_session_expired();
            case REVIEW_EXPIRED -> msg.flash_review_expired();
            case SETUP_DONE -> msg.flash_setup_done();
            case POLICY_SAVED -> msg.flash_policy_saved();
            case POLICY_PAUSED -> msg.flash_policy_paused();
            case POLICY_RESUMED -> msg.flash_policy_resumed();
            case POLICY_DELETED -> msg.flash_policy_deleted();
            case OBJECTIVE_SAVED -> msg.flash_objective_saved();
            case RESTORE_STARTED -> msg.flash_restore_started();
            case RESTORE_CANCELED -> msg.flash_restore_canceled();
            default -> null;
        };
    }
}
