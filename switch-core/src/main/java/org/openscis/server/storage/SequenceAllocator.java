package org.openscis.server.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.server.storage.Tables.Sequences;

/**
 * Named counters that never hand out a value twice, across threads, restarts and nodes sharing the database
 * (decisions.md §9: msgID sequences, STANs, voucher numbers). Each node reserves a block of values in one short
 * transaction (the row is locked with {@code SELECT ... FOR UPDATE}) and hands it out from memory. Values are
 * unique and increasing per node, not gap-free: a restart abandons the rest of the current block. Values start at 1.
 * Blocks are reserved over the database's second pool ({@link Database#sequenceDsl()}), so a caller may draw values
 * inside a transaction of its own even when it and its peers hold every connection of the main pool.
 *
 * <p>A value is only as fresh as its block: an idle node may hand out, hours later, a value far behind the other
 * nodes'. Identifiers that combine a timestamp with the counter modulo some width (a STAN next to a second) need the
 * values of one second to lie close together, so such an allocator is built with a maximum block age: a block older
 * than that is abandoned and the next value comes from a fresh one ({@link #TIMED_ID_MAX_BLOCK_AGE}).
 */
public final class SequenceAllocator {

    /** Values reserved per database round trip unless configured otherwise. */
    public static final int DEFAULT_BLOCK_SIZE = 100;
    /**
     * Maximum block age for counters whose values are combined with a timestamp (STANs in CBS msgIDs, callback msgID
     * sequences): values used in one second then come from blocks reserved within about a second of each other.
     */
    public static final Duration TIMED_ID_MAX_BLOCK_AGE = Duration.ofSeconds(1);
    /** Attempts to create a missing counter row when another node creates it at the same moment. */
    private static final int MAX_ALLOCATE_ATTEMPTS = 3;

    private final DSLContext dsl;
    private final int blockSize;
    /** Null: blocks never expire. */
    private final Duration maxBlockAge;
    private final Clock clock;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    public SequenceAllocator(Database db) {
        this(db, DEFAULT_BLOCK_SIZE);
    }

    /** Blocks of {@code blockSize} values that never expire. */
    public SequenceAllocator(Database db, int blockSize) {
        this(db, blockSize, null, null);
    }

    /**
     * Blocks of {@code blockSize} values, each abandoned once {@code maxBlockAge} has passed on {@code clock} since it
     * was reserved (or if the clock went back).
     */
    public SequenceAllocator(Database db, int blockSize, Duration maxBlockAge, Clock clock) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        if (maxBlockAge != null) {
            Objects.requireNonNull(clock, "clock");
            if (maxBlockAge.isNegative() || maxBlockAge.isZero()) {
                throw new IllegalArgumentException("max block age must be positive: " + maxBlockAge);
            }
        }
        this.dsl = db.sequenceDsl();
        this.blockSize = blockSize;
        this.maxBlockAge = maxBlockAge;
        this.clock = clock;
    }

    /** How long a reserved block is used at most; empty if blocks never expire. */
    public Optional<Duration> maxBlockAge() {
        return Optional.ofNullable(maxBlockAge);
    }

    /** The next value of counter {@code name} (1 to 64 characters); thread-safe. */
    public long next(String name) {
        Objects.requireNonNull(name, "name");
        Block block = blocks.computeIfAbsent(name, n -> new Block());
        synchronized (block) {
            long now = maxBlockAge == null ? 0 : clock.millis();
            if (block.next >= block.limit || expired(block, now)) {
                block.next = reserve(name);
                block.limit = block.next + blockSize;
                block.reservedAtMillis = now;
            }
            return block.next++;
        }
    }

    private boolean expired(Block block, long nowMillis) {
        if (maxBlockAge == null) {
            return false;
        }
        long age = nowMillis - block.reservedAtMillis;
        return age < 0 || age >= maxBlockAge.toMillis();
    }

    /** Reserves {@code [first, first + blockSize)} in the database and returns {@code first}. */
    private long reserve(String name) {
        for (int attempt = 0; attempt < MAX_ALLOCATE_ATTEMPTS; attempt++) {
            try {
                return dsl.transactionResult(cfg -> {
                    DSLContext tx = DSL.using(cfg);
                    Long current = tx.select(Sequences.NEXT_VALUE)
                            .from(Sequences.TABLE)
                            .where(Sequences.NAME.eq(name))
                            .forUpdate()
                            .fetchOne(Sequences.NEXT_VALUE);
                    if (current == null) {
                        // A concurrent creator makes this insert fail on the primary key; the retry then finds it.
                        tx.insertInto(Sequences.TABLE)
                                .set(Sequences.NAME, name)
                                .set(Sequences.NEXT_VALUE, 1L + blockSize)
                                .execute();
                        return 1L;
                    }
                    tx.update(Sequences.TABLE)
                            .set(Sequences.NEXT_VALUE, Sequences.NEXT_VALUE.plus(blockSize))
                            .where(Sequences.NAME.eq(name))
                            .execute();
                    return current;
                });
            } catch (DataAccessException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not create sequence " + name);
    }

    @Override
    public String toString() {
        return "SequenceAllocator[block " + blockSize + (maxBlockAge == null ? "" : ", max age " + maxBlockAge) + "]";
    }

    /**
     * The unused part of this node's current block: values {@code next} (inclusive) to {@code limit}, reserved at
     * {@code reservedAtMillis} (only kept when blocks expire).
     */
    private static final class Block {
        long next;
        long limit;
        long reservedAtMillis;
    }
}
