package org.openscis.codec.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrxReaderTest {

    @Test
    void requiredAnyOfReadsWhicheverSpellingIsPresent() {
        TrxReader lower = new TrxReader(TrxInfo.builder().put("cardfaceID", "100205").build());
        TrxReader upper = new TrxReader(TrxInfo.builder().put("cardFaceID", "100206").build());

        assertThat(lower.requiredAnyOf(1, 16, CharClass.AN, "cardfaceID", "cardFaceID")).isEqualTo("100205");
        assertThat(upper.requiredAnyOf(1, 16, CharClass.AN, "cardfaceID", "cardFaceID")).isEqualTo("100206");
        assertThat(lower.failed() || upper.failed()).isFalse();
    }

    @Test
    void requiredAnyOfRefusesTwoSpellingsAtOnce() {
        // Which one wins would be a guess, and a peer may guess the other way: the same ambiguity as a duplicate member.
        TrxReader reader = new TrxReader(TrxInfo.builder().put("cardfaceID", "100205").put("cardFaceID", "100206").build());

        assertThat(reader.requiredAnyOf(1, 16, CharClass.AN, "cardfaceID", "cardFaceID")).isNull();
        assertThat(reader.failed()).isTrue();
        assertThat(reader.error().toString()).isEqualTo("cardfaceID: must not also be given as cardFaceID");
    }

    @Test
    void requiredAnyOfReportsTheFirstSpellingWhenNoneIsPresent() {
        TrxReader reader = new TrxReader(TrxInfo.EMPTY);

        assertThat(reader.requiredAnyOf(1, 16, CharClass.AN, "cardfaceID", "cardFaceID")).isNull();
        assertThat(reader.error().toString()).isEqualTo("cardfaceID: is missing");
    }
}
