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
            default -> null;
        };
    }
}
