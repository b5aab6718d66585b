package org.openscis.router.handler;

import java.util.List;
import org.openscis.router.Handler;
import org.openscis.router.money.AcquirerReturnNotifications;
import org.openscis.router.money.MoneyMovement;

/** Builds the acquirer's REFUND and CANCELLATION handlers over one set of ports. */
public final class AcquirerHandlers {

    private AcquirerHandlers() {}

    /** REFUND and CANCELLATION. */
    public static List<Handler> returns(HandlerPorts ports, MoneyPorts money) {
        MoneyMovement movement = new MoneyMovement(money.coreBanking(), money.transactions(), money.ids(),
                money.cbsCallTimeout(), ports.clock());
        AcquirerReturnNotifications notices = new AcquirerReturnNotifications(ports.cards(), money.transactions());
        return List.of(
                new RefundHandler(money.transactions(), ports.cards(), ports.catalog(), movement, notices, money.ids()),
                new CancellationHandler(money.transactions(), ports.cards(), ports.catalog(), movement, notices,
                        money.ids()));
    }
}
