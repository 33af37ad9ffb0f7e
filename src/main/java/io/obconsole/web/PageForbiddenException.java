package io.obconsole.web;

/** A page or form post the signed-in person may not see or do; becomes the 403 page, never a hint of what exists. */
public class PageForbiddenException extends RuntimeException {

    public PageForbiddenException() {
        super("forbidden", null, false, false);
    }
}
