package org.openscis.router.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.port.CardState.ACTIVE;
import static org.openscis.router.port.CardState.DELETED;
import static org.openscis.router.port.CardState.SUSPENDED;

import org.junit.jupiter.api.Test;

class CardStateTest {

    @Test
    void aTokenReportsItsOwnStateOnAnActiveCard() {
        assertThat(CardState.reported(ACTIVE, ACTIVE)).isEqualTo(ACTIVE);
        assertThat(CardState.reported(SUSPENDED, ACTIVE)).isEqualTo(SUSPENDED);
        assertThat(CardState.reported(DELETED, ACTIVE)).isEqualTo(DELETED);
    }

    @Test
    void anActiveTokenOnASuspendedCardReportsSuspended() {
        assertThat(CardState.reported(ACTIVE, SUSPENDED)).isEqualTo(SUSPENDED);
        assertThat(CardState.reported(SUSPENDED, SUSPENDED)).isEqualTo(SUSPENDED);
        assertThat(CardState.reported(DELETED, SUSPENDED)).isEqualTo(DELETED);
    }

    @Test
    void everyTokenOnADeletedCardReportsDeleted() {
        for (CardState token : CardState.values()) {
            assertThat(CardState.reported(token, DELETED)).isEqualTo(DELETED);
        }
    }
}
