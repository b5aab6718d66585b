package org.openscis.router.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweProfile;
import org.openscis.router.MessageType;
import org.openscis.router.Request;
import org.openscis.router.handler.CardExpiry;
import org.openscis.router.handler.HandlerPorts;
import org.openscis.router.port.CardFace;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.Participant;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;

/**
 * A small world for handler tests: two App Gateways, one issuer with an enrollable product ({@link #DEBIT}) and one
 * that does not allow enrolment ({@link #CLOSED}), a served BIN range without products, a card face, all ports as
 * in-memory fakes and a clock at 2025-06-15T10:00:00Z.
 */
public final class RouterFixture {

    public static final String ISSUER_IIN = "62900100";
    public static final String WALLET_ID = "39990061";
    public static final String OTHER_WALLET_ID = "39990157";
    public static final String DEVICE = "1b5ddc2562a8de5b4e175d418f5b7edf";
    public static final String OTHER_DEVICE = "f7946ec3a68d9afb";
    public static final String USER = "3329941324335104";
    public static final String FACE_ID = "100205";
    /** A BIN range an issuer of this switch owns, with no card product on it. */
    public static final String PRODUCTLESS_IIN = "62197700";

    public static final CardProduct DEBIT = new CardProduct("1003", ISSUER_IIN, "62900100", 16, "629261", 36,
            "Debit Card", List.of(FACE_ID), EnumSet.of(MessageType.CARD_ENROLLMENT, MessageType.CARD_STATUS_INQUIRY,
                    MessageType.CARD_STATUS_MANAGEMENT),
            List.of("firstName", "lastName", "idType", "idNo", "idCountry"), "156");
    public static final CardProduct CLOSED = new CardProduct("2001", ISSUER_IIN, "62900200", 19, "6292620", 24,
            "Virtual Card", List.of("100101"), EnumSet.noneOf(MessageType.class), List.of(), "156");

    public final MutableClock clock = MutableClock.at("2025-06-15T10:00:00Z");
    public final FakeProductCatalog catalog = new FakeProductCatalog()
            .add(DEBIT)
            .add(CLOSED)
            .serveIin(PRODUCTLESS_IIN)
            .add(new CardFace(FACE_ID, "0", "20", "200", "10", "#fff467", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, -1}))
            .cvmFields(WALLET_ID, DEBIT.cvmFields());
    public final InMemoryCardRepository cards = new InMemoryCardRepository();
    /** The configured defaults: 5 failures within 24 hours lock a card. */
    public static final int VERIFICATION_LIMIT = 5;
    public static final Duration VERIFICATION_WINDOW = Duration.ofHours(24);
    public final InMemoryVerificationAttempts attempts =
            new InMemoryVerificationAttempts(VERIFICATION_LIMIT, VERIFICATION_WINDOW);
    public final FakeCardSecrets secrets = new FakeCardSecrets(42);
    public final FakeFieldCrypto crypto = new FakeFieldCrypto();
    public final InMemoryKeyRegistry keys = new InMemoryKeyRegistry();
    public final FixedSwitchKeys switchKeys = new FixedSwitchKeys("1560936206326",
            TestKeys.rsa("switch-sign", 2048).getPublic(), "1562032885962", TestKeys.rsa("switch-enc", 2048).getPublic());
    public final EnvelopeCodec json = new EnvelopeCodec();

    public final Participant wallet = appGateway(WALLET_ID);
    public final Participant otherWallet = appGateway(OTHER_WALLET_ID);

    public HandlerPorts ports() {
        return new HandlerPorts(catalog, cards, attempts, secrets, crypto, keys, switchKeys, json, clock);
    }

    public static Participant appGateway(String insId) {
        return new Participant(insId, Participant.Kind.APP_GATEWAY, EnumSet.allOf(MessageType.class), "kid-" + insId,
                TestKeys.rsa("wallet-enc", 2048).getPublic(), JweProfile.RSA_OAEP_256_A128GCM,
                "https://wallet.example/callback");
    }

    public Request request(MessageType type, TrxInfo trxInfo) {
        return Requests.of(type, wallet, trxInfo, clock.instant());
    }

    public Request request(MessageType type, Participant from, TrxInfo trxInfo) {
        return Requests.of(type, from, trxInfo, clock.instant());
    }

    /** A PAN of {@code product}'s length: its BIN, {@code middle} padded with zeros, and a Luhn digit. */
    public static String pan(CardProduct product, String middle) {
        String payload = product.bin() + middle;
        payload = payload + "0".repeat(product.panLength() - 1 - payload.length());
        return Luhn.withCheckDigit(payload);
    }

    /** Stores an ACTIVE card of {@link #DEBIT} expiring {@code expiryYymm}. */
    public CardRecord card(String cardId, String pan, String expiryYymm) {
        return card(cardId, pan, expiryYymm, CardState.ACTIVE, StateReason.NONE, DEBIT, null);
    }

    public CardRecord card(String cardId, String pan, String expiryYymm, CardState state, StateReason reason,
            CardProduct product, String accountNo) {
        return cards.putCard(new CardRecord(cardId, pan, expiryYymm, product.issuerIin(), product.prdNo(), accountNo,
                product.cardType(), product.defaultCardFaceId(), state, reason, Instant.parse("2024-01-01T00:00:00Z")));
    }

    /** Stores a token of {@code card} for {@code insId} on {@code deviceId}. */
    public TokenRecord token(String tokenNumber, CardRecord card, String insId, String deviceId, CardState state) {
        YearMonth expiry = CardExpiry.parseYymm(card.expiry()).orElseThrow();
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        return cards.putToken(new TokenRecord(tokenNumber, card.cardId(), insId, deviceId, USER,
                CardExpiry.tokenExpiry(expiry), state, at, at));
    }

    /** {@code number} with its last digit changed, so that the Luhn check fails. */
    public static String withWrongCheckDigit(String number) {
        char last = number.charAt(number.length() - 1);
        return number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** A well-formed 19-digit token number on the DEBIT token BIN. */
    public static String tokenNumber(String middle) {
        String payload = DEBIT.tokenBin() + middle;
        payload = payload + "0".repeat(18 - payload.length());
        return Luhn.withCheckDigit(payload);
    }
}
