package io.parley.chat;

/**
 * How a supervisor takes part in a chat, GWS's {@code supervisorVisibilityMode}
 * (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatIntrude). The mode is stored as the supervisor's
 * {@link Visibility}, so that a stored chat needs no new field and every visibility rule applies to supervisors
 * unchanged.
 */
public enum SupervisorMode {
    /** Sees everything, seen by nobody but other supervisors. */
    Monitor(Visibility.Supervisors),
    /** Seen by the agents only; whatever it says reaches the agents only. */
    Coach(Visibility.Agents),
    /** A party everybody sees. */
    BargeIn(Visibility.All);

    private final Visibility visibility;

    SupervisorMode(Visibility visibility) {
        this.visibility = visibility;
    }

    public Visibility visibility() {
        return visibility;
    }

    static SupervisorMode of(Visibility visibility) {
        return switch (visibility) {
            case Supervisors -> Monitor;
            case Agents -> Coach;
            case All -> BargeIn;
        };
    }

    /** The operation that switches a supervisor into this mode. */
    public String switchName() {
        return "SwitchTo" + name();
    }
}
