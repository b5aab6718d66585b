package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openscis.router.HandlerRegistry;
import org.openscis.router.MessageType;

class OnboardingHandlersTest {

    private final OnboardingFixture o = new OnboardingFixture();

    @Test
    void wiresTheFiveOnboardingAndInquiryHandlers() {
        HandlerRegistry registry = Handlers.registerAll(new HandlerRegistry(),
                OnboardingHandlers.handlers(o.ports(), o.money()));
        assertThat(registry.types()).containsExactlyInAnyOrder(MessageType.KYC_VERIFICATION, MessageType.OPEN_ACCOUNT,
                MessageType.CARD_BALANCE_INQUIRY, MessageType.EXCHANGE_RATE_INQUIRY,
                MessageType.ACCOUNT_UPDATE_NOTIFICATION);
        for (MessageType type : registry.types()) {
            assertThat(registry.find(type)).get().extracting(h -> h.type()).isEqualTo(type);
        }
    }

    @Test
    void combineWithTheCardLifecycleHandlersWithoutOverlap() {
        HandlerRegistry registry = Handlers.registerAll(new HandlerRegistry(), Handlers.issue2(o.ports(), o.money()));
        Handlers.registerAll(registry, OnboardingHandlers.handlers(o.ports(), o.money()));
        assertThat(registry.types()).hasSize(11);
    }
}
