package org.openscis.router.handler;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardSecrets;
import org.openscis.router.port.CardState;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.InsertResult;
import org.openscis.router.port.Participant;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes new cards and tokens (decisions.md §6): PAN = product BIN + random digits + Luhn digit to the product's PAN
 * length; token = token BIN + random digits + Luhn digit, 19 digits, expiring with its card. Numbers are drawn at
 * random and the repository's unique insert decides; a taken number is drawn again, at most
 * {@value #MAX_NUMBER_DRAWS} times. When the repository refuses because a concurrent enrolment stored a live token
 * on the same card and device, or a live card of the product on the same account, the result says so
 * ({@link AlreadyLive}) and the caller decides again on fresh state. The PAN is encrypted to the App Gateway <em>before</em> anything is stored, so a
 * failing encryption leaves no token behind.
 */
public final class Provisioner {

    /** How often a new number is drawn after a collision before giving up with 08. */
    public static final int MAX_NUMBER_DRAWS = 5;
    public static final int TOKEN_DIGITS = 19;
    private static final int CARD_ID_RANDOM_DIGITS = 20;
    private static final String CARD_ID_PREFIX = "C";

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

    private final CardRepository cards;
    private final CardSecrets secrets;
    private final FieldCrypto crypto;
    private final Clock clock;

    public Provisioner(CardRepository cards, CardSecrets secrets, FieldCrypto crypto, Clock clock) {
        this.cards = cards;
        this.secrets = secrets;
        this.crypto = crypto;
        this.clock = clock;
    }

    /** Who the new token is for: the enrolling App Gateway, the device and the wallet user. */
    public record Holder(Participant participant, String deviceId, String userId) {}

    /** The result of provisioning: the stored card and token, numbers ran out, or a concurrent enrolment won. */
    public sealed interface Result {}

    /** Stored. {@code encryptedPan} is the card's PAN as a JWE to the holder's App Gateway. */
    public record Provisioned(CardRecord card, TokenRecord token, String encryptedPan) implements Result {

        /**
         * The response {@code trxInfo} of OPEN_ACCOUNT and CARD_ENROLLMENT (protocol.md §3.3-3.4): the clear PAN never
         * appears, only its JWE and the masked form.
         */
        public TrxInfo responseTrxInfo() {
            return TrxInfo.builder()
                    .put("deviceID", token.deviceId())
                    .put("token", token.token())
                    .put("tokenExpiry", token.tokenExpiry())
                    .put("pan", encryptedPan)
                    .put("panExpiry", card.panExpiry())
                    .put("maskedPan", card.maskedPan())
                    .put("cardType", card.cardType())
                    .put("cardFaceID", card.cardFaceId())
                    .build();
        }

        @Override
        public String toString() {
            return "Provisioned[" + card + ", " + token + "]";
        }
    }

    /** Every drawn number was taken ({@value #MAX_NUMBER_DRAWS} times): answer 08. */
    public record Exhausted() implements Result {}

    /**
     * Nothing stored: a concurrent enrolment got there first ({@link InsertResult#ALREADY_LIVE}). For
     * {@link #tokenForCard} the card now has a live token on the holder's device; for {@link #newCardWithToken}
     * the account now has a live card of the product.
     */
    public record AlreadyLive() implements Result {}

    /** A new token on an existing card. */
    public Result tokenForCard(CardRecord card, CardProduct product, Holder holder) {
        String encryptedPan = encryptPan(holder, card.pan());
        String tokenExpiry = tokenExpiryOf(card);
        Instant now = clock.instant();
        for (int draw = 0; draw < MAX_NUMBER_DRAWS; draw++) {
            TokenRecord token = newToken(product, card.cardId(), tokenExpiry, holder, now);
            InsertResult inserted = cards.insertToken(token);
            if (inserted == InsertResult.INSERTED) {
                return new Provisioned(card, token, encryptedPan);
            }
            if (inserted == InsertResult.ALREADY_LIVE) {
                return new AlreadyLive();
            }
        }
        LOG.warn("no free token number after {} draws for product {}", MAX_NUMBER_DRAWS, product.prdNo());
        return new Exhausted();
    }

    /** A new card of {@code product} on the issuer account {@code accountNo}, with its first token. */
    public Result newCardWithToken(CardProduct product, String accountNo, Holder holder) {
        YearMonth expiry = YearMonth.now(clock).plusMonths(product.expiryMonths());
        String expiryYymm = CardExpiry.yymm(expiry);
        String tokenExpiry = CardExpiry.tokenExpiry(expiry);
        Instant now = clock.instant();
        for (int draw = 0; draw < MAX_NUMBER_DRAWS; draw++) {
            String pan = drawNumber(product.bin(), product.panLength());
            CardRecord card = new CardRecord(CARD_ID_PREFIX + secrets.randomDigits(CARD_ID_RANDOM_DIGITS), pan,
                    expiryYymm, product.issuerIin(), product.prdNo(), accountNo, product.cardType(),
                    product.defaultCardFaceId(), CardState.ACTIVE, StateReason.NONE, now);
            String encryptedPan = encryptPan(holder, pan);
            TokenRecord token = newToken(product, card.cardId(), tokenExpiry, holder, now);
            InsertResult inserted = cards.insertCardWithToken(card, token);
            if (inserted == InsertResult.INSERTED) {
                return new Provisioned(card, token, encryptedPan);
            }
            if (inserted == InsertResult.ALREADY_LIVE) {
                return new AlreadyLive();
            }
        }
        LOG.warn("no free PAN/token pair after {} draws for product {}", MAX_NUMBER_DRAWS, product.prdNo());
        return new Exhausted();
    }

    private TokenRecord newToken(CardProduct product, String cardId, String tokenExpiry, Holder holder, Instant now) {
        return new TokenRecord(drawNumber(product.tokenBin(), TOKEN_DIGITS), cardId, holder.participant().insId(),
                holder.deviceId(), holder.userId(), tokenExpiry, CardState.ACTIVE, now, now);
    }

    /** {@code prefix} + random digits + Luhn check digit, {@code length} digits in all. */
    private String drawNumber(String prefix, int length) {
        int randomDigits = length - prefix.length() - 1;
        if (randomDigits < 1) {
            throw new IllegalStateException("BIN " + prefix + " leaves no room for a " + length + "-digit number");
        }
        return Luhn.withCheckDigit(prefix + secrets.randomDigits(randomDigits));
    }

    private String encryptPan(Holder holder, String pan) {
        return crypto.encryptFor(holder.participant(), pan.getBytes(StandardCharsets.UTF_8));
    }

    private static String tokenExpiryOf(CardRecord card) {
        YearMonth expiry = CardExpiry.parseYymm(card.expiry())
                .orElseThrow(() -> new IllegalStateException("card " + card.cardId() + " has no readable expiry"));
        return CardExpiry.tokenExpiry(expiry);
    }
}
