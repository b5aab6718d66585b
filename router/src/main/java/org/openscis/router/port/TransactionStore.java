package org.openscis.router.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable money-movement records. Every method is blocking and transactional on its own; callers run on worker
 * threads. State changes and the callbacks they cause commit together (decisions.md §8).
 */
public interface TransactionStore {

    /** Stores a new transaction; false (and nothing stored) if {@code (insId, msgId)} or the trxId already has one. */
    boolean create(MoneyTransaction trx);

    /**
     * Compare-and-set of the state: sets {@code next} and {@code responseCode} (null keeps the stored one) if the
     * stored state is still {@code expected}, and enqueues {@code notifications} in the same database transaction.
     * A final {@code next} clears {@code nextAttemptAt}. False (nothing changed, nothing enqueued) if the state moved.
     */
    boolean transition(String trxId, TrxState expected, TrxState next, String responseCode,
            List<Notification> notifications, Instant now);

    Optional<MoneyTransaction> find(String trxId);

    Optional<MoneyTransaction> findByRequest(String insId, String msgId);

    /**
     * Every movement that refers to the movement {@code origTrxId} as its original, in any state: those whose CBS
     * request names it as {@code origMsgID} (an acquirer's REFUND or CANCELLATION of a CPQRC_PAYMENT). The store
     * indexes that field when it creates a record, so the lookup needs no decryption.
     */
    List<MoneyTransaction> findRelated(String origTrxId);

    /**
     * The sum, in minor units of {@code currency}, of the card's outgoing movements (DEBIT_TRANSACTION, P2P_TRANSFER,
     * GET_CASH_OUT_TOKEN) created at or after {@code since} whose state {@link TrxState#countsAgainstLimits()}.
     */
    long outgoingSince(String cardId, String currency, Instant since);

    /**
     * Open transactions (not final; AWAITING_CVM included: its {@code nextAttemptAt} lies past its verification
     * timeout) whose {@code nextAttemptAt} has come, leased to the caller: their
     * {@code nextAttemptAt} moves to {@code now + lease}, so that one node at a time resolves each.
     */
    List<MoneyTransaction> claimDue(Instant now, Duration lease, int max);

    /** After a resolution attempt that settled nothing: counts it and sets when to look again. */
    void scheduleRetry(String trxId, int attempts, Instant nextAttemptAt);
}
