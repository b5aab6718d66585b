package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void aCountedRuleFiresThatOftenThenDisappears() {
        FaultPlan plan = new FaultPlan(List.of(FaultRule.drop("DEBIT_TRANSACTION", true).times(2)), 1);
        assertThat(plan.next("CREDIT_TRANSACTION")).isEmpty();
        assertThat(plan.next("DEBIT_TRANSACTION")).map(FaultRule::action).hasValue(FaultAction.DROP);
        assertThat(plan.list()).singleElement().extracting(FaultRule::count).isEqualTo(1);
        assertThat(plan.next("DEBIT_TRANSACTION")).isPresent();
        assertThat(plan.next("DEBIT_TRANSACTION")).isEmpty();
        assertThat(plan.list()).isEmpty();
        assertThat(plan.picked()).isEqualTo(2);
    }

    @Test
    void aRuleWithoutTypeMatchesEveryTypeAndUnlimitedNeverRunsOut() {
        FaultPlan plan = new FaultPlan(List.of(FaultRule.respond(null, "91")), 1);
        for (int i = 0; i < 100; i++) {
            assertThat(plan.next(i % 2 == 0 ? "REVERSAL" : "OPEN_ACCOUNT")).isPresent();
        }
        assertThat(plan.list()).singleElement().extracting(FaultRule::count).isEqualTo(-1);
    }

    @Test
    void theFirstMatchingRuleWins() {
        FaultPlan plan = new FaultPlan(List.of(FaultRule.respond("REVERSAL", "96"), FaultRule.respond(null, "91")),
                1);
        assertThat(plan.next("REVERSAL")).map(FaultRule::responseCode).hasValue("96");
        assertThat(plan.next("DEBIT_TRANSACTION")).map(FaultRule::responseCode).hasValue("91");
    }

    @Test
    void probabilityDrawsAreRepeatableFromTheSeed() {
        FaultRule half = FaultRule.noAnswer(null, false).withProbability(0.5);
        List<Boolean> first = draws(new FaultPlan(List.of(half), 7), 200);
        List<Boolean> second = draws(new FaultPlan(List.of(half), 7), 200);
        List<Boolean> other = draws(new FaultPlan(List.of(half), 8), 200);
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
        assertThat(first.stream().filter(b -> b).count()).isBetween(70L, 130L);
        assertThat(draws(new FaultPlan(List.of(half.withProbability(0)), 7), 100)).containsOnly(false);
        assertThat(draws(new FaultPlan(List.of(half.withProbability(1)), 7), 100)).containsOnly(true);
    }

    private static List<Boolean> draws(FaultPlan plan, int n) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(plan.next("DEBIT_TRANSACTION").isPresent());
        }
        return out;
    }

    @Test
    void setAddClearAndList() {
        FaultPlan plan = new FaultPlan(List.of(), 1);
        plan.add(FaultRule.delay("P2P_TRANSFER", 100, true));
        plan.add(FaultRule.drop(null, false).times(0));
        assertThat(plan.list()).as("a rule with count 0 is spent").hasSize(1);
        plan.set(List.of(FaultRule.respond(null, "05"), FaultRule.noAnswer("REVERSAL", true)));
        assertThat(plan.list()).extracting(FaultRule::action).containsExactly(FaultAction.RESPOND,
                FaultAction.NO_ANSWER);
        plan.clear();
        assertThat(plan.list()).isEmpty();
        assertThat(plan.next("REVERSAL")).isEqualTo(Optional.empty());
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new FaultRule(null, 1.5, -1, FaultAction.DROP, 0, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(null, Double.NaN, -1, FaultAction.DROP, 0, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(null, 1, -2, FaultAction.DROP, 0, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(null, 1, -1, FaultAction.DELAY, -1, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(null, 1, -1, FaultAction.RESPOND, 0, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(null, 1, -1, FaultAction.RESPOND, 0, "5", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule(null, 1, -1, null, 0, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
