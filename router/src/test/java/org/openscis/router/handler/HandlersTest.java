package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.router.HandlerRegistry;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.testing.FakeFieldCrypto;
import org.openscis.router.testing.Requests;
import org.openscis.router.testing.RouterFixture;

class HandlersTest {

    private final RouterFixture f = new RouterFixture();

    @Test
    void wiresTheSixCardLifecycleHandlers() {
        HandlerRegistry registry = Handlers.forIssue2(f.ports());
        assertThat(registry.types()).containsExactlyInAnyOrder(MessageType.CVM_INQUIRY, MessageType.CARD_ENROLLMENT,
                MessageType.CARDFACE_DOWNLOADING, MessageType.CARD_STATUS_MANAGEMENT, MessageType.CARD_STATUS_INQUIRY,
                MessageType.KEY_EXCHANGE);
        for (MessageType type : registry.types()) {
            assertThat(registry.find(type)).get().extracting(h -> h.type()).isEqualTo(type);
        }
    }

    @Test
    void withACbsLinkTheSameSixAreWiredAndEnrolmentChecksAccounts() {
        OnboardingFixture o = new OnboardingFixture();
        HandlerRegistry registry = Handlers.registerAll(new HandlerRegistry(), Handlers.issue2(o.ports(), o.money()));
        assertThat(registry.types()).containsExactlyInAnyOrderElementsOf(Handlers.issue2(f.ports()).stream()
                .map(h -> h.type()).toList());
        o.cbsAnswers(OnboardingFixture.refused(ResponseCode.INVALID_CARD_NUMBER));
        Outcome outcome = HandlerTesting.run(registry.find(MessageType.CARD_ENROLLMENT).orElseThrow(),
                o.f.request(MessageType.CARD_ENROLLMENT, Requests.trx("deviceID", RouterFixture.DEVICE, "userID",
                        RouterFixture.USER, "prdNo", RouterFixture.DEBIT.prdNo(), "cvmInfo",
                        FakeFieldCrypto.sealForSwitch("{\"accountNo\":\"100000001234\"}"))));
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(o.sent).hasSize(1);
    }

    @Test
    void registeringTwiceIsAWiringBug() {
        HandlerRegistry registry = Handlers.forIssue2(f.ports());
        assertThatThrownBy(() -> Handlers.registerAll(registry, Handlers.issue2(f.ports())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void portsAreMandatory() {
        assertThatThrownBy(() -> new HandlerPorts(f.catalog, f.cards, f.attempts, f.secrets, f.crypto, f.keys,
                f.switchKeys, f.json, null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
    }
}
