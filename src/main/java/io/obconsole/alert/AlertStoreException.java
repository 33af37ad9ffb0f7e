package io.obconsole.alert;

/** The console database did not take or give alert data; callers retry on their next round. */
public class AlertStoreException extends RuntimeException {

    public AlertStoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
