package org.openscis.router.handler;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardFace;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CbsCall;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.CoreBanking;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.FixedExchangeRates;
import org.openscis.router.testing.InMemoryAccountTiers;
import org.openscis.router.testing.InMemoryKycStore;
import org.openscis.router.testing.RouterFixture;

/**
 * {@link RouterFixture} plus what the onboarding handlers need: a product that allows every message type
 * ({@link #ONBOARD}), a catalog with per-participant default products and per-product limits, a CBS that records
 * every call and answers as the test scripts it (00 with an empty trxInfo unless told otherwise), KYC, tier and rate
 * fakes, counting switch identifiers, and money-movement ports that fail the test if an onboarding handler touches
 * them.
 */
final class OnboardingFixture {

    public static final Duration CBS_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration KYC_VALIDITY = Duration.ofMinutes(30);

    /** A virtual-card product of the fixture's issuer that allows everything. */
    static final CardProduct ONBOARD = new CardProduct("3001", RouterFixture.ISSUER_IIN, "62900300", 16, "6292630",
            36, "Virtual Card", List.of("100101"), EnumSet.allOf(MessageType.class),
            List.of("firstName", "lastName", "idType", "idNo", "idCountry"), "156");
    /** A product of another issuer, for tests that check which CBS is asked. */
    static final String OTHER_ISSUER_IIN = "62900900";
    static final CardProduct OTHER_ISSUER = new CardProduct("9001", OTHER_ISSUER_IIN, "62900900", 16, "6292690", 24,
            "Virtual Card", List.of("100101"), EnumSet.allOf(MessageType.class), List.of("lastName"), "344");

    final RouterFixture f = new RouterFixture();
    final OnboardingCatalog catalog = new OnboardingCatalog();
    final InMemoryKycStore kyc = new InMemoryKycStore();
    final InMemoryAccountTiers tiers = new InMemoryAccountTiers();
    final FixedExchangeRates rates = new FixedExchangeRates();
    final CountingSwitchIds ids = new CountingSwitchIds();

    /** One call the CBS received. */
    record Sent(String issuerIin, CbsCall call, Instant deadline) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Function<CbsCall, CompletionStage<CbsReply>> cbsBehaviour =
            call -> CompletableFuture.completedFuture(approved(TrxInfo.EMPTY));
    final CoreBanking coreBanking = (issuerIin, call, deadline) -> {
        sent.add(new Sent(issuerIin, call, deadline));
        return cbsBehaviour.apply(call);
    };
    final CbsQuery cbs = new CbsQuery(coreBanking, ids, CBS_TIMEOUT);

    OnboardingFixture() {
        f.catalog.add(ONBOARD).add(OTHER_ISSUER)
                .add(new CardFace("100101", "0", "20", "200", "10", "#ffffff", new byte[] {1}));
    }

    /** The CBS answers every call with {@code reply}. */
    void cbsAnswers(CbsReply reply) {
        cbsAnswers(call -> reply);
    }

    /** The CBS answers each call with what {@code replies} computes from it. */
    void cbsAnswers(Function<CbsCall, CbsReply> replies) {
        cbsBehaviour = call -> CompletableFuture.completedFuture(replies.apply(call));
    }

    /** The CBS answers each call with the stage {@code replies} returns (to complete it later). */
    void cbsStages(Function<CbsCall, CompletionStage<CbsReply>> replies) {
        cbsBehaviour = replies;
    }

    static CbsReply approved(TrxInfo trxInfo) {
        return new CbsReply.Answered(ResponseCode.APPROVED, "Approved", trxInfo);
    }

    static CbsReply refused(ResponseCode code) {
        return new CbsReply.Answered(code, code.message(), TrxInfo.EMPTY);
    }

    /** The only CBS call made so far. */
    Sent onlyCall() {
        if (sent.size() != 1) {
            throw new AssertionError("expected one CBS call, got " + sent);
        }
        return sent.get(0);
    }

    HandlerPorts ports() {
        return new HandlerPorts(catalog, f.cards, f.attempts, f.secrets, f.crypto, f.keys, f.switchKeys, f.json,
                f.clock);
    }

    MoneyPorts money() {
        return new MoneyPorts(coreBanking, new NoMoneyMovements(), kyc,
                (notification, now) -> {
                    throw new AssertionError("onboarding handlers send no callbacks: " + notification);
                },
                (issuerIin, mid) -> {
                    throw new AssertionError("onboarding handlers look up no merchants");
                },
                rates, tiers, ids, CBS_TIMEOUT, KYC_VALIDITY);
    }

    /** The fixture's catalog, plus default products per participant and limits per product. */
    final class OnboardingCatalog implements ProductCatalog {

        private final Map<String, CardProduct> defaults = new HashMap<>();
        private final Map<String, ProductLimits> limits = new HashMap<>();

        OnboardingCatalog defaultProduct(String insId, CardProduct product) {
            defaults.put(insId, product);
            return this;
        }

        OnboardingCatalog limits(String prdNo, ProductLimits productLimits) {
            limits.put(prdNo, productLimits);
            return this;
        }

        @Override
        public Optional<CardProduct> byPrdNo(String prdNo) {
            return f.catalog.byPrdNo(prdNo);
        }

        @Override
        public Optional<CardProduct> byPan(String pan) {
            return f.catalog.byPan(pan);
        }

        @Override
        public boolean servesIin(String iin) {
            return f.catalog.servesIin(iin);
        }

        @Override
        public Optional<CardFace> cardFace(String cardFaceId) {
            return f.catalog.cardFace(cardFaceId);
        }

        @Override
        public List<String> cvmFields(String insId) {
            return f.catalog.cvmFields(insId);
        }

        @Override
        public ProductLimits limits(String prdNo) {
            return limits.getOrDefault(prdNo, ProductLimits.NONE);
        }

        @Override
        public Optional<CardProduct> defaultProduct(String insId) {
            return Optional.ofNullable(defaults.get(insId));
        }
    }

    /** Identifiers in the formats of decisions.md §9, from counters; referNos may be scripted. */
    static final class CountingSwitchIds implements SwitchIds {

        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneOffset.UTC);

        private final AtomicInteger stan = new AtomicInteger();
        private final AtomicInteger refer = new AtomicInteger(119770);
        private final Deque<String> scriptedReferNos = new ArrayDeque<>();

        synchronized void nextReferNos(String... referNos) {
            scriptedReferNos.addAll(List.of(referNos));
        }

        @Override
        public String cbsMsgId(String issuerIin, Instant now) {
            return "U" + issuerIin + STAMP.format(now) + String.format("%06d", stan.incrementAndGet() % 1_000_000);
        }

        @Override
        public synchronized String referNo(String issuerIin) {
            String scripted = scriptedReferNos.pollFirst();
            return scripted != null ? scripted : Integer.toString(refer.incrementAndGet());
        }

        @Override
        public String cashOutToken() {
            throw new AssertionError("onboarding handlers make no cash-out tokens");
        }

        @Override
        public String retrievalRefNum() {
            throw new AssertionError("onboarding handlers make no retrieval reference numbers");
        }

        @Override
        public String voucherNo() {
            throw new AssertionError("onboarding handlers make no vouchers");
        }
    }

    /** Onboarding moves no money: any use of the transaction store fails the test. */
    static final class NoMoneyMovements implements TransactionStore {

        private static AssertionError used() {
            return new AssertionError("onboarding handlers record no money movements");
        }

        @Override
        public boolean create(MoneyTransaction trx) {
            throw used();
        }

        @Override
        public boolean transition(String trxId, TrxState expected, TrxState next, String responseCode,
                List<Notification> notifications, Instant now) {
            throw used();
        }

        @Override
        public Optional<MoneyTransaction> find(String trxId) {
            throw used();
        }

        @Override
        public Optional<MoneyTransaction> findByRequest(String insId, String msgId) {
            throw used();
        }

        @Override
        public List<MoneyTransaction> findRelated(String origTrxId) {
            throw used();
        }

        @Override
        public long outgoingSince(String cardId, String currency, Instant since) {
            throw used();
        }

        @Override
        public List<MoneyTransaction> claimDue(Instant now, Duration lease, int max) {
            throw used();
        }

        @Override
        public void scheduleRetry(String trxId, int attempts, Instant nextAttemptAt) {
            throw used();
        }
    }
}
