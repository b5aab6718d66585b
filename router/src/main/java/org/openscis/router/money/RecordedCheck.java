package org.openscis.router.money;

import java.util.Objects;
import org.openscis.codec.ResponseCode;
import org.openscis.router.port.MoneyTransaction;

/**
 * A rule {@link MoneyMovement} checks again once the movement is recorded and before the CBS is called, so that the
 * movement itself counts: of two concurrent movements that each pass alone but not together, the later check sees
 * both, and neither gets past it unnoticed (the same reasoning as the daily limit).
 */
@FunctionalInterface
public interface RecordedCheck {

    /**
     * @param recorded the movement as stored (RECEIVED)
     * @return null to go on to the CBS, or why the movement is declined without a CBS call
     */
    Refusal check(MoneyTransaction recorded);

    /** A decline before the CBS call; {@code detail} is a {@code responseMsg} without card data. */
    record Refusal(ResponseCode code, String detail) {
        public Refusal {
            Objects.requireNonNull(code, "code");
        }
    }
}
