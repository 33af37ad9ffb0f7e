package io.obconsole.alert;

/** Where a tenant stands against its recovery-point objective, from best to worst. */
public enum ObjectiveState {
    OK("ok"), AT_RISK("warn"), BREACHED("bad");

    private final String css;

    ObjectiveState(String css) {
        this.css = css;
    }

    /** The page's status colour class. */
    public String css() {
        return css;
    }

    /** The value of the {@code obconsole_objective_state} gauge: 0 OK, 1 AT RISK, 2 BREACHED. */
    public int severity() {
        return ordinal();
    }

    public ObjectiveState worse(ObjectiveState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
