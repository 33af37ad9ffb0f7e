package io.obconsole.drill;

/** The console would not drop a tenant: it is not a scratch tenant that this drill run created. */
public class ScratchRefusedException extends RuntimeException {

    ScratchRefusedException(String message) {
        super(message);
    }
}
