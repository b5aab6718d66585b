package org.openscis.router.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.handler.CpqrHandlers;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.qr.CodeCryptogram;
import org.openscis.router.qr.CpqrGenerator;
import org.openscis.router.qr.CpqrScan;
import org.openscis.router.qr.CpqrSettings;

/**
 * The world of the consumer-presented QR tests, on top of {@link MoneyFixture} (same clock, cards, CBS, outbox): a
 * product {@link #QR} that allows QRC_GENERATION and CPQRC_PAYMENT besides the money messages, in-memory codes, a
 * fixed master key, and the generator and scan over them. {@link #issue} makes a card with a token of {@link #QR}.
 */
public final class CpqrFixture {

    public static final byte[] MASTER_KEY = masterKey();
    public static final CardProduct QR = new CardProduct("3101", MoneyFixture.ISSUER, "62900500", 16, "629265", 36,
            "QR Card", List.of(RouterFixture.FACE_ID), qrTypes(), List.of(), MoneyFixture.CNY);

    public final MoneyFixture m = new MoneyFixture();
    public final InMemoryCpqrCodes codes = new InMemoryCpqrCodes();
    public final CodeCryptogram cryptogram = new CodeCryptogram(MASTER_KEY);
    public final CpqrGenerator generator = new CpqrGenerator(codes, cryptogram, new SecureRandom());
    public final CpqrScan scan = new CpqrScan(codes, cryptogram, m.f.clock);
    public CpqrSettings settings = CpqrSettings.defaults();

    public CpqrFixture() {
        m.f.catalog.add(QR);
    }

    /** QRC_GENERATION over this fixture's ports, with {@link #settings}. */
    public Handler generationHandler() {
        return CpqrHandlers.generation(m.ports(), m.moneyPorts(), generator, settings).get(0);
    }

    /** An ACTIVE card of {@link #QR} on {@code accountNo}, expiring September 2028. */
    public CardRecord card(String cardId, String middle, String accountNo) {
        return m.card(cardId, middle, accountNo, CardState.ACTIVE,
                StateReason.NONE, QR);
    }

    /** An ACTIVE token of {@code card} for the wallet, on {@link RouterFixture#DEVICE}. */
    public TokenRecord token(String middle, CardRecord card) {
        return m.token(middle, card);
    }

    /** Generates {@code count} codes for {@code token} with limits 100.00 / 10.00 CNY, valid {@code validity}. */
    public List<CpqrCode> issue(TokenRecord token, CardRecord card, int count,
            Duration validity) {
        CpqrGenerator.Generated g = generator.generate(new CpqrGenerator.Order(RouterFixture.WALLET_ID, token, card,
                count, 10_000, 1_000, MoneyFixture.CNY, validity), m.f.clock.instant());
        return ((CpqrGenerator.Generated.Issued) g).codes();
    }

    private static EnumSet<MessageType> qrTypes() {
        EnumSet<MessageType> types = EnumSet.copyOf(MoneyFixture.MONEY_TYPES);
        types.add(MessageType.QRC_GENERATION);
        types.add(MessageType.CPQRC_PAYMENT);
        return types;
    }

    private static byte[] masterKey() {
        byte[] key = new byte[CodeCryptogram.MASTER_KEY_BYTES];
        Arrays.fill(key, (byte) 0x5A);
        return key;
    }
}
