package org.openscis.server.storage;

import java.util.Map;
import java.util.Objects;
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
 */
public final class SequenceAllocator {

    /** Values reserved per database round trip unless configured otherwise. */
    public static final int DEFAULT_BLOCK_SIZE = 100;
    /** Attempts to create a missing counter row when another node creates it at the same moment. */
    private static final int MAX_ALLOCATE_ATTEMPTS = 3;

    private final DSLContext dsl;
    private final int blockSize;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    public SequenceAllocator(Database db) {
        this(db, DEFAULT_BLOCK_SIZE);
    }

    public SequenceAllocator(Database db, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        this.dsl = db.dsl();
        this.blockSize = blockSize;
    }

    /** The next value of counter {@code name} (1 to 64 characters); thread-safe. */
    public long next(String name) {
        Objects.requireNonNull(name, "name");
        Block block = blocks.computeIfAbsent(name, n -> new Block());
        synchronized (block) {
            if (block.next >= block.limit) {
                block.next = reserve(name);
                block.limit = block.next + blockSize;
            }
            return block.next++;
        }
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
        return "SequenceAllocator[block " + blockSize + "]";
    }

    /** The unused part of this node's current block: values {@code next} (inclusive) to {@code limit}. */
    private static final class Block {
        long next;
        long limit;
    }
}
