package org.openscis.connector.sim.bank;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated core banking system behind the simulator's HTTP front: accounts, a double-entry ledger, holds and
 * KYC decisions in its own database, and one processor per CBS message type.
 *
 * <p>Each message runs in one database transaction that claims its msgID, applies its effect and records the
 * response, so a message is applied at most once however often or concurrently it is sent: a retry with the same
 * msgID gets the recorded response again, the same msgID with another msgType gets 94, and a msgID a REVERSAL
 * tombstoned gets 12. Read-only inquiries are answered from the current state and not recorded.
 *
 * <p>Every method blocks on JDBC: call it from a worker thread, never from a network event loop. Thread-safe.
 */
public final class Bank implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bank.class);

    /** Runs of one message that lost a race (concurrent claim, deadlock, lock timeout) before it fails. */
    static final int MAX_ATTEMPTS = 5;

    private final SimDatabase db;
    private final Clock clock;
    private final Map<String, Product> products;
    private final Map<String, Processor> processors;
    private final Ledger ledger;
    private final List<Consumer<Withdrawal>> withdrawalListeners = new CopyOnWriteArrayList<>();

    private Bank(SimDatabase db, Clock clock, Map<String, Product> products) {
        this.db = db;
        this.clock = clock;
        this.products = products;
        this.processors = processors();
        this.ledger = new Ledger(db.dsl(), clock);
    }

    private static Map<String, Processor> processors() {
        Map<String, Processor> map = new LinkedHashMap<>();
        map.put("KYC_VERIFICATION", new KycVerification());
        map.put("OPEN_ACCOUNT", new OpenAccount());
        map.put("ACCOUNT_BALANCE_INQUIRY", new BalanceInquiry());
        map.put("DEBIT_TRANSACTION", new DebitTransaction());
        map.put("CREDIT_TRANSACTION", new CreditTransaction());
        map.put("P2P_TRANSFER", new P2pTransfer());
        map.put(CashOutToken.TYPE, new CashOutToken());
        map.put("REVERSAL", new Reversal());
        map.put("TRANSACTION_INQUIRY", new TransactionInquiry());
        return Map.copyOf(map);
    }

    /**
     * Opens (and on first use migrates and seeds) the bank's database.
     *
     * @param jdbcUrl an H2 URL: {@code jdbc:h2:mem:<name>} (dropped on {@link #close()}) or a file URL (kept)
     * @param seedFile the seed JSON, or null for the built-in one; an empty database is filled from it, a database
     *     that already has accounts is kept as it is, but its products always come from the seed
     * @param poolSize database connections (at least the number of threads calling at once)
     * @throws IllegalArgumentException for a bad seed or URL
     */
    public static Bank open(String jdbcUrl, Path seedFile, Clock clock, int poolSize) {
        Objects.requireNonNull(clock, "clock");
        SeedData seed = SeedReader.read(seedFile);
        SimDatabase db = SimDatabase.open(jdbcUrl, poolSize);
        try {
            if (Seeder.seedIfEmpty(db.dsl(), seed, clock.millis())) {
                LOG.info("Simulator ledger seeded with {} accounts", seed.accounts().size());
            }
            return new Bank(db, clock, seed.products());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The CBS message types this bank answers (the wire msgType names). */
    public Set<String> messageTypes() {
        return processors.keySet();
    }

    /**
     * Processes one CBS message, or replays the recorded answer to an earlier one with the same msgID.
     *
     * @param trxInfo the request trxInfo with its JWE fields already decrypted into nested objects
     * @throws DataAccessException if the database fails (nothing was applied)
     */
    public BankReply handle(String msgId, String msgType, TrxInfo trxInfo) {
        Processor processor = processors.get(msgType);
        if (processor == null) {
            return BankReply.of(ResponseCode.FORMAT_ERROR, "unknown message type");
        }
        TrxInfo trx = trxInfo == null ? TrxInfo.EMPTY : trxInfo;
        return retrying(() -> {
            Optional<BankReply> earlier = replay(msgId, msgType);
            return earlier.orElseGet(() -> run(processor, msgId, msgType, trx));
        }, "message");
    }

    private Optional<BankReply> replay(String msgId, String msgType) {
        return Movements.find(db.dsl(), msgId).map(row -> {
            if (row.state() == MovementState.TOMBSTONE) {
                return BankReply.of(ResponseCode.INVALID_TRANSACTION, "reversed before it arrived");
            }
            if (!row.msgType().equals(msgType)) {
                return BankReply.of(ResponseCode.DUPLICATED_TRANSACTION, "msgID already used for another message type");
            }
            return row.storedReply();
        });
    }

    private BankReply run(Processor processor, String msgId, String msgType, TrxInfo trx) {
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Context ctx = new Context(tx, msgId, msgType, clock.instant(), products);
            if (processor.recorded()) {
                Movements.insertPending(tx, msgId, msgType, ctx.nowMillis());
            }
            Result result = processor.process(ctx, trx);
            if (processor.recorded()) {
                Movements.complete(tx, msgId, result, ctx.nowMillis());
            }
            return result.reply();
        });
    }

    /**
     * Pays out a cash-out token at an agent: the held amount moves from the customer to the agent ({@code agentMid},
     * a merchant account) and the hold becomes WITHDRAWN; listeners hear of it after the commit. Refusals are results:
     * unknown token, unknown agent, expired (the hold is released), already withdrawn, released, other currency.
     */
    public WithdrawalResult withdraw(String trxToken, String agentMid) {
        if (trxToken == null || trxToken.isEmpty()) {
            return WithdrawalResult.UNKNOWN_TOKEN;
        }
        if (agentMid == null || agentMid.isEmpty()) {
            return WithdrawalResult.UNKNOWN_AGENT;
        }
        Withdrawals.Outcome outcome = retrying(() -> db.dsl().transactionResult(cfg ->
                Withdrawals.withdraw(DSL.using(cfg), trxToken, agentMid, clock.instant())), "withdrawal");
        if (outcome.withdrawal() != null) {
            for (Consumer<Withdrawal> listener : withdrawalListeners) {
                try {
                    listener.accept(outcome.withdrawal());
                } catch (RuntimeException e) {
                    LOG.warn("A withdrawal listener failed for token {}: {}", Masking.pan(trxToken), e.getClass().getName());
                }
            }
        }
        return outcome.result();
    }

    /** Calls {@code listener} after every committed withdrawal, on the thread that made it. */
    public void onWithdrawal(Consumer<Withdrawal> listener) {
        withdrawalListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Marks holds that have expired as RELEASED and returns how many. Only tidies their state: an expired hold
     * already stopped counting against the available balance at its expiry.
     */
    public int sweepExpiredHolds() {
        long now = clock.millis();
        return retrying(() -> db.dsl().transactionResult(cfg -> Holds.sweep(DSL.using(cfg), now)), "hold sweep");
    }

    /** Read access to balances, postings and invariants. */
    public Ledger ledger() {
        return ledger;
    }

    Instant now() {
        return clock.instant();
    }

    private static <T> T retrying(Supplier<T> work, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DataAccessException e) {
                if (attempt >= MAX_ATTEMPTS || !SqlErrors.retryable(e)) {
                    throw e;
                }
                LOG.debug("Simulator {} lost a race (attempt {}), running it again", what, attempt);
            }
        }
    }

    /** Closes the database; an in-memory one is dropped. */
    @Override
    public void close() {
        db.close();
    }
}
