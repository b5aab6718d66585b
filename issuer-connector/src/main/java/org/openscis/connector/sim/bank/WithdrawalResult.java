package org.openscis.connector.sim.bank;

/** The outcome of using a cash-out token at an agent, with the response code an agent terminal would show. */
public enum WithdrawalResult {
    /** The held amount moved from the customer to the agent; the hold is WITHDRAWN. */
    WITHDRAWN("00"),
    /** No hold with that token. */
    UNKNOWN_TOKEN("25"),
    /** No merchant account with that mid. */
    UNKNOWN_AGENT("03"),
    /** The agent's account is in another currency than the hold. */
    WRONG_CURRENCY("13"),
    /** The token expired before it was used; its hold is released. */
    EXPIRED("02"),
    /** The token was used already. */
    ALREADY_WITHDRAWN("02"),
    /** The hold was released (reversed, or expired earlier). */
    RELEASED("02");

    private final String responseCode;

    WithdrawalResult(String responseCode) {
        this.responseCode = responseCode;
    }

    public String responseCode() {
        return responseCode;
    }

    public boolean withdrawn() {
        return this == WITHDRAWN;
    }
}
