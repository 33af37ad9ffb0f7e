package io.obconsole.restore;

/**
 * The point is not in the source tenant's recoverable window, or the window is not read yet:
 * refused before anything runs, with the window's own explanation.
 */
public class PointNotRestorableException extends RuntimeException {

    public PointNotRestorableException(String message) {
        super(message);
    }
}
