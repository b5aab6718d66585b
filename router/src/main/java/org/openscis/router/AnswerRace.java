package org.openscis.router;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, once per request, who tells the requester how it ended: the handler, with the final state it is about to
 * record, or the switch, with a pending answer ({@code 04}) when the request deadline comes first (decisions.md §4,
 * §5). A requester that got {@code 04} learns the final state by TRX_RESULT_NOTIFICATION, so a handler whose claim
 * fails must store that notification with the state. Once the handler has claimed the answer, no {@code 04} goes out
 * for the request: the deadline waits for the handler's answer, which follows as soon as the state is recorded.
 * Thread-safe; every method may be called more than once.
 */
public final class AnswerRace {

    private static final int OPEN = 0;
    private static final int HANDLER = 1;
    private static final int PENDING = 2;

    private final AtomicInteger winner = new AtomicInteger(OPEN);

    /** The handler will answer with the final state it is about to record; false if {@code 04} already went out. */
    public boolean claimFinalAnswer() {
        return winner.compareAndExchange(OPEN, HANDLER) != PENDING;
    }

    /**
     * The deadline came: true if {@code 04} may go out now; every later {@link #claimFinalAnswer()} then fails.
     * False if the handler already claimed the answer.
     */
    public boolean answerPending() {
        return winner.compareAndExchange(OPEN, PENDING) != HANDLER;
    }

    @Override
    public String toString() {
        return switch (winner.get()) {
            case HANDLER -> "AnswerRace[handler answers]";
            case PENDING -> "AnswerRace[answered 04]";
            default -> "AnswerRace[open]";
        };
    }
}
