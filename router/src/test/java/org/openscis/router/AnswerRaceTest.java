package org.openscis.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AnswerRaceTest {

    @Test
    void theHandlersClaimKeepsThePendingAnswerOff() {
        AnswerRace race = new AnswerRace();
        assertThat(race.claimFinalAnswer()).isTrue();
        assertThat(race.answerPending()).isFalse();
        assertThat(race.claimFinalAnswer()).as("asking again").isTrue();
        assertThat(race.answerPending()).isFalse();
    }

    @Test
    void aPendingAnswerMakesEveryLaterClaimFail() {
        AnswerRace race = new AnswerRace();
        assertThat(race.answerPending()).isTrue();
        assertThat(race.answerPending()).as("a second deadline, e.g. a retry's").isTrue();
        assertThat(race.claimFinalAnswer()).isFalse();
        assertThat(race.claimFinalAnswer()).isFalse();
    }

    @RepeatedTest(50)
    void exactlyOneSideWinsWhenBothComeAtOnce() throws Exception {
        AnswerRace race = new AnswerRace();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        boolean handler;
        boolean pending;
        try {
            List<CompletableFuture<Boolean>> sides = new ArrayList<>();
            sides.add(CompletableFuture.supplyAsync(() -> awaitThen(start, race::claimFinalAnswer), two));
            sides.add(CompletableFuture.supplyAsync(() -> awaitThen(start, race::answerPending), two));
            handler = sides.get(0).get(5, TimeUnit.SECONDS);
            pending = sides.get(1).get(5, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }
        assertThat(handler ^ pending).as(race.toString()).isTrue();
    }

    private static boolean awaitThen(CyclicBarrier barrier, java.util.function.BooleanSupplier action) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return action.getAsBoolean();
    }
}
