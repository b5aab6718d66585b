package org.openscis.router.handler;

import java.util.List;
import org.openscis.router.Handler;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.money.TrxResultNotifications;

/** Builds the money-movement handlers over one set of ports. */
public final class MoneyHandlers {

    private MoneyHandlers() {}

    /** BILL_PAYMENT, CREDIT_TRANSACTION, P2P_TRANSFER, GET_CASH_OUT_TOKEN and TRX_RESULT_INQUIRY. */
    public static List<Handler> money(HandlerPorts ports, MoneyPorts money) {
        MovementChecks checks = new MovementChecks(ports.catalog(), ports.cards(), money.tiers(), money.transactions(),
                money.merchants(), ports.clock());
        MoneyMovement movement = new MoneyMovement(money.coreBanking(), money.transactions(), money.ids(),
                money.cbsCallTimeout(), ports.clock());
        return List.of(
                new BillPaymentHandler(checks, movement, money.ids()),
                new CreditTransactionHandler(checks, movement, money.ids()),
                new P2pTransferHandler(checks, movement, new TrxResultNotifications(ports.cards()), ports.cards(),
                        ports.fieldCrypto(), ports.json()),
                new CashOutTokenHandler(checks, movement, money.ids(), ports.clock()),
                new TrxResultInquiryHandler(ports.cards(), money.transactions()));
    }
}
