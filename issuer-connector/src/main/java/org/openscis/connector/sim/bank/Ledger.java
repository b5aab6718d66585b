package org.openscis.connector.sim.bank;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Read access to the simulator's ledger for tests and operators: balances, postings per movement, movement states
 * and the invariants (every movement balanced, all balances summing to zero). Each call is one committed read on
 * the simulator's database, so it blocks: never call it from a network event loop. Thread-safe.
 */
public final class Ledger {

    private final DSLContext dsl;
    private final Clock clock;

    Ledger(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The ledger balance in minor units. @throws NoSuchElementException for an unknown account */
    public long balanceMinor(String accountNo) {
        return account(accountNo).orElseThrow(() -> new NoSuchElementException("no such account")).balanceMinor();
    }

    /** The balance minus active (held, unexpired) holds. @throws NoSuchElementException for an unknown account */
    public long availableMinor(String accountNo) {
        return account(accountNo).orElseThrow(() -> new NoSuchElementException("no such account")).availableMinor();
    }

    /** One account's view, or empty if there is no such account. */
    public Optional<AccountView> account(String accountNo) {
        if (accountNo == null) {
            return Optional.empty();
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return Accounts.find(tx, accountNo).map(a -> new AccountView(a.accountNo(), a.kind(), a.currency(),
                    a.balanceMinor(), Funds.available(tx, a, clock.millis()), a.firstName(), a.lastName(), a.tier(),
                    a.status()));
        });
    }

    /** The sum of all balances; zero as long as the ledger is sound (FUNDING accounts carry the negative side). */
    public long totalMinor() {
        BigDecimal total = dsl.select(DSL.sum(Schema.Accounts.BALANCE)).from(Schema.Accounts.TABLE).fetchOne(0,
                BigDecimal.class);
        return total == null ? 0 : total.longValueExact();
    }

    /** Whether every movement's postings sum to zero. */
    public boolean balanced() {
        return !dsl.fetchExists(dsl.select(Schema.Postings.MOVEMENT_ID).from(Schema.Postings.TABLE)
                .groupBy(Schema.Postings.MOVEMENT_ID)
                .having(DSL.sum(Schema.Postings.AMOUNT).ne(BigDecimal.ZERO)));
    }

    /** Whether every account's balance equals the sum of its postings. */
    public boolean balancesMatchPostings() {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Map<String, BigDecimal> posted = tx.select(Schema.Postings.ACCOUNT_NO, DSL.sum(Schema.Postings.AMOUNT))
                    .from(Schema.Postings.TABLE)
                    .groupBy(Schema.Postings.ACCOUNT_NO)
                    .fetchMap(Record2::value1, Record2::value2);
            for (Record2<String, Long> account : tx.select(Schema.Accounts.ACCOUNT_NO, Schema.Accounts.BALANCE)
                    .from(Schema.Accounts.TABLE).fetch()) {
                BigDecimal sum = posted.getOrDefault(account.value1(), BigDecimal.ZERO);
                if (sum.compareTo(BigDecimal.valueOf(account.value2())) != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Whether no account that may not go negative is below zero. */
    public boolean noForbiddenNegative() {
        return !dsl.fetchExists(Schema.Accounts.TABLE,
                Schema.Accounts.MAY_GO_NEGATIVE.isFalse().and(Schema.Accounts.BALANCE.lt(0L)));
    }

    /** All invariants at once (each is a separate read: call it when no message is in flight). */
    public LedgerCheck check() {
        return new LedgerCheck(balanced(), totalMinor(), balancesMatchPostings(), noForbiddenNegative());
    }

    /** How many postings the movement {@code msgId} made (0 for a refusal, an unknown msgID or a hold). */
    public int postingCount(String msgId) {
        return dsl.fetchCount(Schema.Postings.TABLE, Schema.Postings.MOVEMENT_ID.eq(msgId));
    }

    /** APPROVED, DECLINED, REVERSED or TOMBSTONE, or empty if the msgID was never recorded. */
    public Optional<String> movementState(String msgId) {
        return Movements.find(dsl, msgId).map(m -> m.state().name());
    }

    /** The response code recorded for {@code msgId}. */
    public Optional<String> responseCode(String msgId) {
        return Movements.find(dsl, msgId).map(MovementRow::responseCode);
    }

    /** HELD, WITHDRAWN or RELEASED (a HELD hold may already have expired), or empty for an unknown token. */
    public Optional<String> holdState(String trxToken) {
        return Holds.find(dsl, trxToken).map(h -> h.state().name());
    }

    /** Account numbers of one kind, in order (merchant accounts are numbered by their mid). */
    public List<String> accountsOfKind(AccountKind kind) {
        return dsl.select(Schema.Accounts.ACCOUNT_NO).from(Schema.Accounts.TABLE)
                .where(Schema.Accounts.KIND.eq(kind.name()))
                .orderBy(Schema.Accounts.ACCOUNT_NO)
                .fetch(Schema.Accounts.ACCOUNT_NO);
    }

    /** How many movements are recorded (seed balances, messages, tombstones, withdrawals). */
    public int movementCount() {
        return dsl.fetchCount(Schema.Movements.TABLE);
    }
}
