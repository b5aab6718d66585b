package org.openscis.router.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;

/**
 * Money-movement records in a map, with the semantics of the real store: create refuses a taken (insID, msgID) or
 * trxId, transitions are compare-and-set and store their callbacks in the {@link InMemoryOutbox} atomically (under
 * the object's lock), a final state clears {@code nextAttemptAt}. Tests can run an action right before the next
 * transition (a racing resolver), make the next transition fail (storage down), and set records up directly.
 */
public final class InMemoryTransactionStore implements TransactionStore {

    private static final Set<CbsOperation> OUTGOING = EnumSet.of(CbsOperation.DEBIT_TRANSACTION,
            CbsOperation.P2P_TRANSFER, CbsOperation.GET_CASH_OUT_TOKEN);

    private final InMemoryOutbox outbox;
    private final Map<String, MoneyTransaction> byId = new LinkedHashMap<>();
    private final Map<String, String> idByRequest = new LinkedHashMap<>();
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicReference<Runnable> beforeNextTransition = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failNextTransition = new AtomicReference<>();
    private final AtomicReference<Runnable> afterNextCreate = new AtomicReference<>();

    public InMemoryTransactionStore(InMemoryOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox);
    }

    @Override
    public synchronized boolean create(MoneyTransaction trx) {
        creates.incrementAndGet();
        String key = key(trx.insId(), trx.msgId());
        if (byId.containsKey(trx.trxId()) || idByRequest.containsKey(key)) {
            return false;
        }
        byId.put(trx.trxId(), trx);
        idByRequest.put(key, trx.trxId());
        Runnable after = afterNextCreate.getAndSet(null);
        if (after != null) {
            after.run();
        }
        return true;
    }

    /** Runs {@code action} once, right after the next successful create (a concurrent request recording its own). */
    public void afterNextCreate(Runnable action) {
        afterNextCreate.set(Objects.requireNonNull(action));
    }

    @Override
    public boolean transition(String trxId, TrxState expected, TrxState next, String responseCode,
            List<Notification> notifications, Instant now) {
        Runnable before = beforeNextTransition.getAndSet(null);
        if (before != null) {
            before.run();
        }
        RuntimeException failure = failNextTransition.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        synchronized (this) {
            MoneyTransaction current = byId.get(trxId);
            if (current == null || current.state() != expected) {
                return false;
            }
            byId.put(trxId, updated(current, next, responseCode == null ? current.responseCode() : responseCode,
                    next.isFinal() ? null : current.nextAttemptAt(), current.attempts(), now));
            outbox.enqueueAll(notifications, now);
            return true;
        }
    }

    @Override
    public synchronized Optional<MoneyTransaction> find(String trxId) {
        return Optional.ofNullable(byId.get(trxId));
    }

    @Override
    public synchronized Optional<MoneyTransaction> findByRequest(String insId, String msgId) {
        String id = idByRequest.get(key(insId, msgId));
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** {@inheritDoc} In creation order. */
    @Override
    public synchronized List<MoneyTransaction> findRelated(String origTrxId) {
        return byId.values().stream()
                .filter(t -> t.cbsRequest() != null && origTrxId.equals(t.cbsRequest().string("origMsgID")))
                .toList();
    }

    @Override
    public synchronized long outgoingSince(String cardId, String currency, Instant since) {
        return byId.values().stream()
                .filter(t -> cardId.equals(t.cardId()) && currency.equals(t.currency()))
                .filter(t -> OUTGOING.contains(t.operation()) && !t.createdAt().isBefore(since))
                .filter(t -> t.state().countsAgainstLimits())
                .mapToLong(MoneyTransaction::amountMinor)
                .sum();
    }

    @Override
    public synchronized List<MoneyTransaction> claimDue(Instant now, Duration lease, int max) {
        List<MoneyTransaction> due = byId.values().stream()
                .filter(t -> !t.state().isFinal())
                .filter(t -> t.nextAttemptAt() != null && !t.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(MoneyTransaction::nextAttemptAt))
                .limit(max)
                .toList();
        List<MoneyTransaction> leased = new ArrayList<>();
        for (MoneyTransaction t : due) {
            MoneyTransaction l = updated(t, t.state(), t.responseCode(), now.plus(lease), t.attempts(), t.updatedAt());
            byId.put(t.trxId(), l);
            leased.add(l);
        }
        return leased;
    }

    @Override
    public synchronized void scheduleRetry(String trxId, int attempts, Instant nextAttemptAt) {
        MoneyTransaction t = byId.get(trxId);
        if (t != null) {
            byId.put(trxId, updated(t, t.state(), t.responseCode(), nextAttemptAt, attempts, t.updatedAt()));
        }
    }

    /** Stores a record directly (test setup), replacing any with its trxId. */
    public synchronized MoneyTransaction put(MoneyTransaction trx) {
        byId.put(trx.trxId(), trx);
        idByRequest.put(key(trx.insId(), trx.msgId()), trx.trxId());
        return trx;
    }

    /** Sets a state unconditionally, as a racing resolver would (no callbacks). */
    public synchronized void force(String trxId, TrxState state, String responseCode, Instant now) {
        MoneyTransaction t = byId.get(trxId);
        byId.put(trxId, updated(t, state, responseCode, state.isFinal() ? null : t.nextAttemptAt(), t.attempts(),
                now));
    }

    /** Runs {@code action} once, right before the next transition looks at the state. */
    public void beforeNextTransition(Runnable action) {
        beforeNextTransition.set(Objects.requireNonNull(action));
    }

    /** The next transition throws {@code failure} and changes nothing (storage unavailable). */
    public void failNextTransition(RuntimeException failure) {
        failNextTransition.set(Objects.requireNonNull(failure));
    }

    public synchronized List<MoneyTransaction> all() {
        return List.copyOf(byId.values());
    }

    /** Calls of {@link #create}, successful or not. */
    public int createCalls() {
        return creates.get();
    }

    private static MoneyTransaction updated(MoneyTransaction t, TrxState state, String code, Instant nextAttemptAt,
            int attempts, Instant updatedAt) {
        return new MoneyTransaction(t.trxId(), t.insId(), t.msgId(), t.msgType(), t.msgVersion(), t.msgTimeStamp(),
                t.issuerIin(), t.cardId(), t.token(), t.deviceId(), t.operation(), t.amountMinor(), t.currency(),
                t.cbsRequest(), t.approvedReply(), state, code, t.notifyOnFinal(), attempts, nextAttemptAt,
                t.createdAt(), updatedAt);
    }

    private static String key(String insId, String msgId) {
        return insId + "/" + msgId;
    }
}
