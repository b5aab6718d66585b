package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultJsonTest {

    private static FaultJson.Parsed parse(String json) {
        return FaultJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aListRoundTrips() {
        List<FaultRule> rules = List.of(
                new FaultRule("DEBIT_TRANSACTION", 0.25, 3, FaultAction.DROP, 0, null, true),
                FaultRule.delay(null, 1500, false),
                FaultRule.respond("REVERSAL", "91"));
        FaultJson.Parsed parsed = FaultJson.parse(FaultJson.write(rules));
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.single()).isFalse();
        assertThat(parsed.rules()).isEqualTo(rules);
    }

    @Test
    void aSingleRuleNeedsOnlyItsAction() {
        FaultJson.Parsed parsed = parse("{\"action\":\"no_answer\"}");
        assertThat(parsed.single()).isTrue();
        assertThat(parsed.rules()).containsExactly(new FaultRule(null, 1, -1, FaultAction.NO_ANSWER, 0, null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "3", "[1]", "{}", "{\"action\":\"EXPLODE\"}", "{\"action\":\"DROP\",\"x\":1}",
        "{\"action\":\"DROP\",\"count\":\"2\"}", "{\"action\":\"DROP\",\"count\":1.5}",
        "{\"action\":\"DROP\",\"probability\":2}", "{\"action\":\"RESPOND\"}", "{\"action\":5}",
        "{\"action\":\"DELAY\",\"delayMillis\":99999999999}", "{\"action\":\"DROP\",\"count\":99999999999}"})
    void badBodiesGiveAProblemNotAnException(String json) {
        FaultJson.Parsed parsed = parse(json);
        assertThat(parsed.problem()).isNotBlank();
        assertThat(parsed.rules()).isNull();
    }
}
