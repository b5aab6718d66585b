package org.openscis.router.handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.FieldError;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.mask.Masking;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardSecrets;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.VerificationAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CARD_ENROLLMENT (protocol.md §3.4, §5.1): a token for an existing card, or a new card (and token) on an issuer
 * account. The request carries {@code deviceID}, {@code userID}, {@code prdNo} and {@code cvmInfo}, a compact JWE
 * whose plaintext is a JSON object (also accepted wrapped as a JWT claim {@code {"sub":"<json>"}}, a mistake one
 * real client makes).
 *
 * <p>With {@code pan}: 13-19 digits and Luhn (14), a BIN some issuer serves (15), a known card (14), matching
 * {@code expiryDate} ({@code YYMM} or {@code MM/YY}) and {@code cvn2} (05; also 05, without any comparison, while
 * too many failed verifications lock the card, see {@link VerificationAttempts}), card state (21/34/41/43/54), not
 * expired (54), product allows enrolment (40), no live token of the card on this device (88).
 *
 * <p>With {@code accountNo} (4-34 digits): {@code prdNo} is mandatory (30) and must be known (89) and allow
 * enrolment (40). The product's issuer CBS is then asked whether the account exists (ACCOUNT_BALANCE_INQUIRY with
 * {@code accountInfo{accountNo}}, see {@link CbsQuery}): 14 if it does not, any other refusal passed through, the
 * link's code if the call was never sent (91/92/98), 91 if no answer came (an inquiry is safe to repeat). Only then
 * is a live card of that product on the account reused (88 if it already has a live token on this device, its
 * state's code if it is unusable), or else a new card issued. Deleted cards are ignored. Built without a CBS link
 * (the issue-2 wiring, {@link Handlers#issue2(HandlerPorts)}), the account number is taken on trust. The card path
 * never calls the CBS and completes at once; the account path completes when the CBS has answered, on the thread
 * that completes the CBS call (which may block, so the card storage is written there).
 *
 * <p>Both rules (one live token per card and device, one live card per account and product) are enforced by the
 * repository's insert, not only by the reads before it, so concurrent enrolments on several switch nodes cannot
 * break them: the loser answers as it would have sequentially (88, or a token on the card the winner created).
 *
 * <p>A JWE that cannot be decrypted is A0; content that is not a JSON object, or has neither field, is 30. Card
 * numbers, CVN2 and account numbers never reach a {@code responseMsg} or a log line.
 */
public final class CardEnrollmentHandler implements Handler {

    /** Bounds the JWE text; the whole body is limited to 64 KiB anyway. */
    public static final int MAX_CVM_INFO_CHARS = SealedCvmInfo.MAX_CHARS;
    public static final int PRD_NO_MAX_CHARS = 16;
    public static final int PAN_MIN_DIGITS = 13;
    public static final int PAN_MAX_DIGITS = 19;
    public static final int ACCOUNT_NO_MIN_DIGITS = 4;
    public static final int ACCOUNT_NO_MAX_DIGITS = 34;
    /** Issuer identification numbers are 6 to 8 leading digits of the PAN; the longest served prefix wins. */
    private static final int IIN_MAX_DIGITS = 8;
    private static final int IIN_MIN_DIGITS = 6;
    /**
     * How often the account path decides again after losing a race for the account's card to a concurrent
     * enrolment. One repeat normally suffices (the winner's card is then reused); more mean the account is being
     * changed in a loop, and the answer is 08.
     */
    static final int MAX_ACCOUNT_DECISIONS = 3;

    /** A decrypted {@code cvmInfo} holding either is used as is, never unwrapped from a {@code sub} claim. */
    private static final Set<String> CVM_MEMBERS = Set.of("pan", "accountNo");

    private static final Logger LOG = LoggerFactory.getLogger(CardEnrollmentHandler.class);

    private final ProductCatalog catalog;
    private final CardRepository cards;
    private final VerificationAttempts attempts;
    private final CardSecrets secrets;
    private final FieldCrypto crypto;
    private final EnvelopeCodec json;
    private final Clock clock;
    private final Provisioner provisioner;
    /** Empty without a core-banking link: account numbers are then not checked. */
    private final Optional<CbsQuery> cbs;

    /** Checks account numbers with the issuer's CBS (through {@code cbs}) before issuing a card on them. */
    public CardEnrollmentHandler(ProductCatalog catalog, CardRepository cards, VerificationAttempts attempts,
            CardSecrets secrets, FieldCrypto crypto, EnvelopeCodec json, Clock clock, CbsQuery cbs) {
        this(catalog, cards, attempts, secrets, crypto, json, clock, Optional.of(cbs));
    }

    /**
     * Without a core-banking link, as before issue 3: an account number is taken on trust. Only for a switch wired
     * without a CBS ({@link Handlers#issue2(HandlerPorts)}).
     */
    public CardEnrollmentHandler(ProductCatalog catalog, CardRepository cards, VerificationAttempts attempts,
            CardSecrets secrets, FieldCrypto crypto, EnvelopeCodec json, Clock clock) {
        this(catalog, cards, attempts, secrets, crypto, json, clock, Optional.empty());
    }

    private CardEnrollmentHandler(ProductCatalog catalog, CardRepository cards, VerificationAttempts attempts,
            CardSecrets secrets, FieldCrypto crypto, EnvelopeCodec json, Clock clock, Optional<CbsQuery> cbs) {
        this.cbs = cbs;
        this.catalog = catalog;
        this.cards = cards;
        this.attempts = attempts;
        this.secrets = secrets;
        this.crypto = crypto;
        this.json = json;
        this.clock = clock;
        this.provisioner = new Provisioner(cards, secrets, crypto, clock);
    }

    @Override
    public MessageType type() {
        return MessageType.CARD_ENROLLMENT;
    }

    @Override
    public CompletionStage<Outcome> handle(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        String userId = RequestFields.userId(reader);
        String prdNo = reader.optional("prdNo", 1, PRD_NO_MAX_CHARS, CharClass.AN);
        String cvmInfo = reader.required("cvmInfo", 1, MAX_CVM_INFO_CHARS, CharClass.ANS);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        Reply reply = new Reply(RequestFields.deviceEcho(deviceId));

        SealedCvmInfo.Opened opened = SealedCvmInfo.open(crypto, json, cvmInfo, CVM_MEMBERS);
        if (opened instanceof SealedCvmInfo.Refused refused) {
            return done(reply.fail(refused.code(), refused.detail()));
        }
        TrxInfo cvm = ((SealedCvmInfo.Ok) opened).cvm();

        Provisioner.Holder holder = new Provisioner.Holder(request.participant(), deviceId, userId);
        if (cvm.has("pan")) {
            return done(enrollCard(cvm, holder, reply));
        }
        if (cvm.has("accountNo")) {
            return enrollAccount(cvm, prdNo, holder, reply);
        }
        return done(reply.fail(ResponseCode.FORMAT_ERROR, "cvmInfo: pan or accountNo is missing"));
    }

    /** An existing card, proven by expiry and CVN2. */
    private Outcome enrollCard(TrxInfo cvm, Provisioner.Holder holder, Reply reply) {
        String pan = cvm.string("pan");
        if (!isPan(pan)) {
            return reply.fail(ResponseCode.INVALID_CARD_NUMBER,
                    "cvmInfo.pan: must be " + PAN_MIN_DIGITS + " to " + PAN_MAX_DIGITS + " digits with a valid check digit");
        }
        Optional<CardProduct> productByBin = catalog.byPan(pan);
        if (productByBin.isEmpty() && !servesIssuerOf(pan)) {
            return reply.fail(ResponseCode.NO_SUCH_ISSUER, "the card's BIN is not served by this switch");
        }
        Optional<CardRecord> found = cards.findCardByPan(pan);
        if (found.isEmpty()) {
            return reply.fail(ResponseCode.INVALID_CARD_NUMBER, "the card is not known");
        }
        CardRecord card = found.get();
        Optional<Outcome> refused = verifyCardholder(cvm, card, holder, reply);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ResponseCode> unusable = CardUsability.stateRefusal(card);
        if (unusable.isPresent()) {
            return reply.fail(unusable.get(), null);
        }
        if (CardUsability.expired(card, clock)) {
            return reply.fail(ResponseCode.EXPIRED_CARD, null);
        }
        Optional<CardProduct> product = catalog.byPrdNo(card.productId()).or(() -> productByBin);
        if (product.isEmpty()) {
            return reply.fail(ResponseCode.CARD_PROFILE_NOT_FOUND, "the card's product is not configured");
        }
        if (!product.get().allows(MessageType.CARD_ENROLLMENT)) {
            return reply.fail(ResponseCode.NOT_SUPPORTED, "the card's product does not allow CARD_ENROLLMENT");
        }
        if (hasLiveTokenOnDevice(card, holder.deviceId())) {
            return reply.fail(ResponseCode.ALREADY_PROVISIONED, null);
        }
        return provisioned(provisioner.tokenForCard(card, product.get(), holder), reply);
    }

    /** A (new or existing) virtual card of {@code prdNo} on an issuer account the CBS knows. */
    private CompletionStage<Outcome> enrollAccount(TrxInfo cvm, String prdNo, Provisioner.Holder holder,
            Reply reply) {
        String accountNo = cvm.string("accountNo");
        if (accountNo == null || accountNo.length() < ACCOUNT_NO_MIN_DIGITS || accountNo.length() > ACCOUNT_NO_MAX_DIGITS
                || !Luhn.allDigits(accountNo)) {
            return done(reply.fail(ResponseCode.FORMAT_ERROR, new FieldError("cvmInfo.accountNo",
                    "must be " + ACCOUNT_NO_MIN_DIGITS + " to " + ACCOUNT_NO_MAX_DIGITS + " digits").toString()));
        }
        if (prdNo == null) {
            return done(reply.fail(ResponseCode.FORMAT_ERROR,
                    new FieldError("prdNo", "is missing (mandatory when enrolling an account)").toString()));
        }
        Optional<CardProduct> found = catalog.byPrdNo(prdNo);
        if (found.isEmpty()) {
            return done(reply.fail(ResponseCode.CARD_PROFILE_NOT_FOUND, "prdNo is not a configured card product"));
        }
        CardProduct product = found.get();
        if (!product.allows(MessageType.CARD_ENROLLMENT)) {
            return done(reply.fail(ResponseCode.NOT_SUPPORTED, "the product does not allow CARD_ENROLLMENT"));
        }
        return accountRefusal(product, accountNo, reply).thenApply(refusal -> refusal.orElseGet(
                () -> enrollKnownAccount(product, accountNo, holder, reply)));
    }

    /** The CBS's refusal of the account, empty if the CBS knows it (or no CBS link is wired). */
    private CompletionStage<Optional<Outcome>> accountRefusal(CardProduct product, String accountNo, Reply reply) {
        if (cbs.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        TrxInfo inquiry = TrxInfo.builder()
                .put("accountInfo", TrxInfo.builder().put("accountNo", accountNo).build())
                .build();
        return cbs.get().ask(product.issuerIin(), CbsOperation.ACCOUNT_BALANCE_INQUIRY, inquiry, clock.instant())
                .thenApply(answer -> {
                    if (answer instanceof CbsQuery.Refused refused) {
                        return Optional.of(reply.fail(refused.code(),
                                refused.code() == ResponseCode.INVALID_CARD_NUMBER
                                        ? "the account is not known to the issuer" : refused.detail()));
                    }
                    return Optional.empty();
                });
    }

    /** Decides on the account's cards, again after each lost race, at most {@value #MAX_ACCOUNT_DECISIONS} times. */
    private Outcome enrollKnownAccount(CardProduct product, String accountNo, Provisioner.Holder holder,
            Reply reply) {
        for (int attempt = 0; attempt < MAX_ACCOUNT_DECISIONS; attempt++) {
            Optional<Outcome> decided = enrollAccountOnce(product, accountNo, holder, reply);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        LOG.warn("cards of product {} on an account kept changing during {} enrolment decisions", product.prdNo(),
                MAX_ACCOUNT_DECISIONS);
        return reply.fail(ResponseCode.TSP_ERROR, "the account's cards changed concurrently; try again");
    }

    /**
     * One decision on the account's current cards; empty if a concurrent enrolment created a card of the product
     * on the account after it was read, so the decision must be made again (that card is then reused).
     */
    private Optional<Outcome> enrollAccountOnce(CardProduct product, String accountNo, Provisioner.Holder holder,
            Reply reply) {
        List<CardRecord> existing = cards.findCardsByAccount(product.issuerIin(), accountNo).stream()
                .filter(c -> product.prdNo().equals(c.productId()) && c.state() != CardState.DELETED)
                .toList();
        if (existing.stream().anyMatch(c -> hasLiveTokenOnDevice(c, holder.deviceId()))) {
            return Optional.of(reply.fail(ResponseCode.ALREADY_PROVISIONED, null));
        }
        if (existing.isEmpty()) {
            Provisioner.Result result = provisioner.newCardWithToken(product, accountNo, holder);
            if (result instanceof Provisioner.AlreadyLive) {
                LOG.info("a card of product {} appeared concurrently on the account; deciding again", product.prdNo());
                return Optional.empty();
            }
            return Optional.of(provisioned(result, reply));
        }
        Optional<CardRecord> usable = existing.stream()
                .filter(c -> CardUsability.refusal(c, clock).isEmpty())
                .findFirst();
        if (usable.isEmpty()) {
            return Optional.of(reply.fail(CardUsability.refusal(existing.get(0), clock).orElseThrow(), null));
        }
        return Optional.of(provisioned(provisioner.tokenForCard(usable.get(), product, holder), reply));
    }

    /** A token insert that lost to a concurrent one on the same card and device is 88, as if it had come second. */
    private Outcome provisioned(Provisioner.Result result, Reply reply) {
        if (result instanceof Provisioner.Provisioned p) {
            LOG.info("enrolled token {} on card {} for {}", Masking.pan(p.token().token()), p.card().cardId(),
                    p.token().insId());
            return Outcome.ok(p.responseTrxInfo());
        }
        if (result instanceof Provisioner.AlreadyLive) {
            return reply.fail(ResponseCode.ALREADY_PROVISIONED, null);
        }
        return reply.fail(ResponseCode.TSP_ERROR, "no free token number");
    }

    /**
     * Expiry and CVN2, under the per-card failure limit. A locked card is refused before its CVN2 is even compared,
     * so guesses made while it is locked tell the caller nothing.
     */
    private Optional<Outcome> verifyCardholder(TrxInfo cvm, CardRecord card, Provisioner.Holder holder,
            Reply reply) {
        Instant now = clock.instant();
        if (attempts.locked(card.cardId(), now)) {
            return Optional.of(reply.fail(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "card verification locked"));
        }
        if (!cardholderVerified(cvm, card)) {
            attempts.recordFailure(card.cardId(), now);
            if (attempts.locked(card.cardId(), now)) {
                LOG.warn("card {} ({}) locked after too many failed expiry/CVN2 verifications, last from {}",
                        card.cardId(), Masking.pan(card.pan()), holder.participant().insId());
            }
            return Optional.of(reply.fail(ResponseCode.CARDHOLDER_VERIFICATION_FAILED,
                    "expiryDate or cvn2 does not match the card"));
        }
        attempts.reset(card.cardId());
        return Optional.empty();
    }

    private boolean cardholderVerified(TrxInfo cvm, CardRecord card) {
        Optional<YearMonth> entered = CardExpiry.parseEntered(cvm.string("expiryDate"));
        Optional<YearMonth> actual = CardExpiry.parseYymm(card.expiry());
        if (entered.isEmpty() || actual.isEmpty() || !entered.get().equals(actual.get())) {
            return false;
        }
        String cvn2 = cvm.string("cvn2");
        if (cvn2 == null) {
            return false;
        }
        String expected = secrets.cvn2(card.pan(), card.expiry());
        // Constant time: the comparison must not tell an attacker how many leading digits were right.
        return MessageDigest.isEqual(cvn2.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** ACTIVE or SUSPENDED tokens count: a suspended token is still provisioned on the device. */
    private boolean hasLiveTokenOnDevice(CardRecord card, String deviceId) {
        return cards.findTokensByCard(card.cardId()).stream()
                .anyMatch(t -> t.state() != CardState.DELETED && t.deviceId().equals(deviceId));
    }

    private boolean servesIssuerOf(String pan) {
        for (int len = IIN_MAX_DIGITS; len >= IIN_MIN_DIGITS; len--) {
            if (catalog.servesIin(pan.substring(0, len))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPan(String pan) {
        return pan != null && pan.length() >= PAN_MIN_DIGITS && pan.length() <= PAN_MAX_DIGITS && Luhn.isValid(pan);
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** Failures echo {@code deviceID}, as real SCIS responses do. */
    private record Reply(TrxInfo echo) {
        Outcome fail(ResponseCode code, String detail) {
            return Outcome.fail(code, detail, echo);
        }
    }
}
