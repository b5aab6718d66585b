package org.openscis.router.testing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Request;
import org.openscis.router.handler.QrHandlers;
import org.openscis.router.handler.QrPorts;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.UrlOrder;

/**
 * The world of the merchant-presented QR tests, on top of {@link MoneyFixture}: a product {@link #QR_WALLET} (CNY)
 * that allows the QR types, a QR host knowing a fixed-amount {@link #FIXED} and an open-amount {@link #OPEN} order
 * (upper limit 500.00), in-memory inquiries and scripted promotions.
 */
public final class QrFixture {

    public static final Set<MessageType> QR_TYPES = EnumSet.of(MessageType.QRC_INFO_INQUIRY,
            MessageType.MPQRC_PAYMENT_URL, MessageType.MPQRC_PAYMENT_EMV, MessageType.TRX_RESULT_INQUIRY);
    public static final CardProduct QR_WALLET = new CardProduct("3002", MoneyFixture.ISSUER, "62900500", 16, "629265",
            36, "QR Wallet Card", List.of(RouterFixture.FACE_ID), QR_TYPES, List.of(), MoneyFixture.CNY);
    public static final Duration INQUIRY_VALIDITY = Duration.ofMinutes(10);

    public static final String FIXED_URL = "https://qr.95516.com/00010000/62000000000000000000000001";
    public static final String OPEN_URL = "https://qr.95516.com/00010000/62000000000000000000000002";
    public static final String UNKNOWN_URL = "https://qr.95516.com/00010000/62000000000000000000000099";
    public static final UrlOrder FIXED = new UrlOrder(FIXED_URL, "25.00", MoneyFixture.CNY, "10", null,
            "Test Merchant", "5811", "156", "Shanghai", "200000", "ZH", "测试商户", "上海", "T0000001",
            "00010156", "00010156", "123456789012345");
    public static final UrlOrder OPEN = new UrlOrder(OPEN_URL, null, MoneyFixture.CNY, "10", "500.00",
            "Open Shop", "5812", "156", "Beijing", null, null, null, null, null,
            "00010156", "00010156", "123456789012346");

    public final MoneyFixture m = new MoneyFixture();
    public final InMemoryQrHost host = new InMemoryQrHost().add(FIXED).add(OPEN);
    public final InMemoryUrlInquiries inquiries = new InMemoryUrlInquiries();
    public final FixedPromotions promotions = new FixedPromotions();

    public QrFixture() {
        m.f.catalog.add(QR_WALLET);
    }

    public QrPorts qrPorts() {
        return new QrPorts(host, inquiries, promotions, INQUIRY_VALIDITY);
    }

    public List<Handler> handlers() {
        return QrHandlers.merchantPresented(m.ports(), m.moneyPorts(), qrPorts());
    }

    public Handler handler(MessageType type) {
        return handlers().stream().filter(h -> h.type() == type).findFirst().orElseThrow();
    }

    public Request request(MessageType type, TrxInfo trxInfo) {
        return m.request(type, trxInfo);
    }

    /** An ACTIVE card of {@link #QR_WALLET}. */
    public CardRecord card(String cardId, String middle, String accountNo) {
        return m.card(cardId, middle, accountNo, CardState.ACTIVE, StateReason.NONE, QR_WALLET);
    }

    public TokenRecord token(String middle, CardRecord card) {
        return m.token(middle, card);
    }

    /** Sets the money rules of {@link #QR_WALLET}. */
    public void limits(ProductLimits limits) {
        m.catalog.limits(QR_WALLET.prdNo(), limits);
    }
}
