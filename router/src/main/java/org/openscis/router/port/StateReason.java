package org.openscis.router.port;

import org.openscis.codec.ResponseCode;

/** Why a card is not usable; selects the response code of a refused transaction (decisions.md §6). */
public enum StateReason {
    NONE(ResponseCode.CARD_STATUS_ERROR),
    LOST(ResponseCode.LOST_CARD),
    STOLEN(ResponseCode.STOLEN_CARD),
    FRAUD(ResponseCode.FRAUD_CARD),
    EXPIRED(ResponseCode.EXPIRED_CARD);

    private final ResponseCode code;

    StateReason(ResponseCode code) {
        this.code = code;
    }

    public ResponseCode code() {
        return code;
    }
}
