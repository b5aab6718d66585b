package org.openscis.router.money;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TrxState;

/**
 * A wait between recording a movement and its CBS call: the cardholder verification of a consumer-presented payment
 * above its CVM limit (decisions.md §7). The gate moves the RECEIVED record on itself (by compare-and-set, e.g. to
 * AWAITING_CVM) and tells {@link MoneyMovement} how to go on. It must not hold a thread while it waits.
 */
public interface CallGate {

    /**
     * How long the gate may keep a movement before its CBS call, at most: a record that went through a gate becomes
     * due for the background resolver this much later than one that did not.
     */
    Duration maxWait();

    /**
     * @param received the movement's record, RECEIVED, after the daily-limit re-check
     * @return how to go on; never completes exceptionally for a business outcome
     */
    CompletionStage<Passage> pass(MoneyTransaction received, Movement movement);

    /** What follows the gate. */
    sealed interface Passage {

        /** Call the CBS: the record is in {@code from}, to be moved to SENT. */
        record Proceed(TrxState from) implements Passage {}

        /** Decline without a CBS call: the record is in {@code from}, to be moved to DECLINED with {@code code}. */
        record Decline(TrxState from, ResponseCode code, String detail) implements Passage {}

        /** The record moved elsewhere meanwhile (another party settled it): answer from what is stored. */
        record Settled() implements Passage {}
    }
}
