package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openscis.router.Handler;
import org.openscis.router.HandlerRegistry;
import org.openscis.router.MessageType;
import org.openscis.router.testing.MoneyFixture;

class MoneyHandlersTest {

    @Test
    void oneHandlerPerMoneyMessageRegisteringNextToTheCardLifecycleOnes() {
        MoneyFixture m = new MoneyFixture();
        assertThat(m.handlers()).extracting(Handler::type).containsExactlyInAnyOrder(MessageType.BILL_PAYMENT,
                MessageType.CREDIT_TRANSACTION, MessageType.P2P_TRANSFER, MessageType.GET_CASH_OUT_TOKEN,
                MessageType.TRX_RESULT_INQUIRY);
        HandlerRegistry registry = Handlers.forIssue2(m.ports());
        Handlers.registerAll(registry, MoneyHandlers.money(m.ports(), m.moneyPorts()));
        assertThat(registry.types()).hasSize(11);
    }
}
