package org.openscis.router.handler;

import java.util.List;
import org.openscis.router.Handler;
import org.openscis.router.cpqrc.CpqrcPorts;
import org.openscis.router.money.MoneyMovement;

/** Builds the acquirer-side consumer-presented QR handlers: CPQRC_PAYMENT and ADDITIONAL_PROCESSING_RESULT. */
public final class CpqrcHandlers {

    private CpqrcHandlers() {}

    public static List<Handler> acquirer(HandlerPorts ports, MoneyPorts money, CpqrcPorts cpqrc) {
        MovementChecks checks = new MovementChecks(ports.catalog(), ports.cards(), money.tiers(), money.transactions(),
                money.merchants(), ports.clock());
        MoneyMovement movement = new MoneyMovement(money.coreBanking(), money.transactions(), money.ids(),
                money.cbsCallTimeout(), ports.clock());
        return List.of(
                new CpqrcPaymentHandler(cpqrc, checks, movement, money.transactions(), money.ids(), ports.clock()),
                new AdditionalProcessingResultHandler(cpqrc, money.transactions(), ports.cards(), ports.clock()));
    }
}
