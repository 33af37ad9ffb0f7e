package io.obconsole.backup;

/** The change cannot be made in the tenant's present state (e.g. archiving without an archive destination); nothing ran. */
public class SetupRefusedException extends RuntimeException {

    public SetupRefusedException(String message) {
        super(message);
    }
}
