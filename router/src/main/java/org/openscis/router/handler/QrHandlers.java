package org.openscis.router.handler;

import java.util.List;
import org.openscis.router.Handler;
import org.openscis.router.money.MoneyMovement;

/** Builds the QR payment handlers over one set of ports. */
public final class QrHandlers {

    private QrHandlers() {}

    /** QRC_INFO_INQUIRY, MPQRC_PAYMENT_URL and MPQRC_PAYMENT_EMV: the merchant-presented QR flows. */
    public static List<Handler> merchantPresented(HandlerPorts ports, MoneyPorts money, QrPorts qr) {
        MovementChecks checks = new MovementChecks(ports.catalog(), ports.cards(), money.tiers(), money.transactions(),
                money.merchants(), ports.clock());
        MoneyMovement movement = new MoneyMovement(money.coreBanking(), money.transactions(), money.ids(),
                money.cbsCallTimeout(), ports.clock());
        QrPayment payment = new QrPayment(checks, movement, qr.promotions(), money.ids());
        return List.of(
                new QrcInfoInquiryHandler(qr.host(), qr.inquiries()),
                new MpqrcPaymentUrlHandler(qr.inquiries(), qr.inquiryValidity(), payment),
                new MpqrcPaymentEmvHandler(payment));
    }
}
