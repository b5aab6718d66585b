package org.openscis.router.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Request;
import org.openscis.router.handler.HandlerPorts;
import org.openscis.router.handler.MoneyHandlers;
import org.openscis.router.handler.MoneyPorts;
import org.openscis.router.port.AccountTiers;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.KycRecord;
import org.openscis.router.port.KycStore;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;

/**
 * The world of the money-movement tests, on top of {@link RouterFixture} (same clock, cards, wallets, crypto): a
 * product {@link #WALLET} that allows every money message, one of another issuer ({@link #FOREIGN}), a configured
 * biller and agent, an in-memory transaction store writing callbacks to an in-memory outbox, a scripted CBS
 * (approving by default) and predictable identifiers.
 */
public final class MoneyFixture {

    public static final String ISSUER = RouterFixture.ISSUER_IIN;
    public static final String FOREIGN_ISSUER = "62900400";
    public static final String CNY = "156";
    public static final Duration CBS_CALL_TIMEOUT = Duration.ofSeconds(3);
    public static final String EXPIRY = "2809";

    public static final Set<MessageType> MONEY_TYPES = EnumSet.of(MessageType.BILL_PAYMENT,
            MessageType.CREDIT_TRANSACTION, MessageType.P2P_TRANSFER, MessageType.GET_CASH_OUT_TOKEN,
            MessageType.TRX_RESULT_INQUIRY);

    public static final CardProduct WALLET = new CardProduct("3001", ISSUER, "62900300", 16, "629263", 36,
            "Wallet Card", List.of(RouterFixture.FACE_ID), MONEY_TYPES, List.of(), CNY);
    public static final CardProduct FOREIGN = new CardProduct("4001", FOREIGN_ISSUER, "62900400", 16, "629264", 36,
            "Foreign Card", List.of(RouterFixture.FACE_ID), MONEY_TYPES, List.of(), CNY);

    public static final Merchant BILLER = new Merchant("246753577744578", "City Power Co", Merchant.Role.BILLER,
            "4900", "156");
    public static final Merchant AGENT = new Merchant("124566788532236", "Corner Cash Agent", Merchant.Role.AGENT,
            "6012", "156");

    public final RouterFixture f = new RouterFixture();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemoryTransactionStore transactions = new InMemoryTransactionStore(outbox);
    public final ScriptedCoreBanking cbs = new ScriptedCoreBanking();
    public final FixedSwitchIds ids = new FixedSwitchIds();
    public final ConfigMerchants merchants = new ConfigMerchants().add(ISSUER, BILLER).add(ISSUER, AGENT);
    public final LimitedProductCatalog catalog = new LimitedProductCatalog(f.catalog.add(WALLET).add(FOREIGN));
    public final MapAccountTiers tiers = new MapAccountTiers();
    private final MapKycStore kyc = new MapKycStore();

    public HandlerPorts ports() {
        return new HandlerPorts(catalog, f.cards, f.attempts, f.secrets, f.crypto, f.keys, f.switchKeys, f.json,
                f.clock);
    }

    public MoneyPorts moneyPorts() {
        return new MoneyPorts(cbs, transactions, kyc, outbox, merchants,
                (from, to) -> from.equals(to) ? Optional.of(BigDecimal.ONE) : Optional.empty(), tiers, ids,
                CBS_CALL_TIMEOUT, Duration.ofMinutes(30));
    }

    public List<Handler> handlers() {
        return MoneyHandlers.money(ports(), moneyPorts());
    }

    public Handler handler(MessageType type) {
        return handlers().stream().filter(h -> h.type() == type).findFirst().orElseThrow();
    }

    public Request request(MessageType type, TrxInfo trxInfo) {
        return f.request(type, trxInfo);
    }

    /** Sets the money rules of {@link #WALLET}. */
    public void limits(ProductLimits limits) {
        catalog.limits(WALLET.prdNo(), limits);
    }

    /** An ACTIVE card of {@link #WALLET} on {@code accountNo}, expiring September 2028. */
    public CardRecord card(String cardId, String middle, String accountNo) {
        return card(cardId, middle, accountNo, CardState.ACTIVE, StateReason.NONE, WALLET);
    }

    public CardRecord card(String cardId, String middle, String accountNo, CardState state, StateReason reason,
            CardProduct product) {
        return f.card(cardId, RouterFixture.pan(product, middle), EXPIRY, state, reason, product, accountNo);
    }

    /** An ACTIVE token of {@code card} for the wallet, on {@link RouterFixture#DEVICE}. */
    public TokenRecord token(String middle, CardRecord card) {
        return token(middle, card, RouterFixture.WALLET_ID, RouterFixture.DEVICE, CardState.ACTIVE);
    }

    public TokenRecord token(String middle, CardRecord card, String insId, String deviceId, CardState state) {
        CardProduct product = catalog.byPrdNo(card.productId()).orElseThrow();
        return f.token(tokenNumber(product, middle), card, insId, deviceId, state);
    }

    /** A well-formed 19-digit token number on {@code product}'s token BIN. */
    public static String tokenNumber(CardProduct product, String middle) {
        String payload = product.tokenBin() + middle;
        payload = payload + "0".repeat(18 - payload.length());
        return Luhn.withCheckDigit(payload);
    }

    /**
     * Stores a transaction of the wallet directly, as an earlier request would have left it; its {@code cbsRequest}
     * holds {@code trxAmt} (wire form) and {@code trxCurrency}.
     */
    public MoneyTransaction stored(String trxId, String msgId, MessageType type, CbsOperation operation,
            CardRecord card, TokenRecord token, long amountMinor, TrxState state, String responseCode,
            Instant createdAt) {
        TrxInfo cbsRequest = TrxInfo.builder()
                .put("trxAmt", new Amount(amountMinor, Currency.byNumeric(CNY).orElseThrow()).toWire())
                .put("trxCurrency", CNY)
                .build();
        return transactions.put(new MoneyTransaction(trxId, RouterFixture.WALLET_ID, msgId, type, "1.0.0",
                "20250615100000", card.issuerIin(), card.cardId(), token == null ? null : token.token(),
                token == null ? null : token.deviceId(), operation, amountMinor, CNY, cbsRequest, null, state,
                responseCode, true, 0, state.isFinal() ? null : createdAt.plusSeconds(6), createdAt, createdAt));
    }

    /** Limits with only the given amounts set (minor units), everything else as {@link ProductLimits#NONE}. */
    public static ProductLimits amountLimits(long perTransactionMinor, long dailyMinor) {
        ProductLimits n = ProductLimits.NONE;
        return new ProductLimits(perTransactionMinor, dailyMinor, n.blockedMccs(), n.blockedCountries(),
                n.cutOffStart(), n.cutOffEnd(), n.cutOffZone(), n.openingBalanceMinor(), n.defaultTier(),
                n.minimumTier(), n.cashOutTokenValidityMinutes());
    }

    public static ProductLimits blocking(Set<String> mccs, Set<String> countries) {
        ProductLimits n = ProductLimits.NONE;
        return new ProductLimits(0, 0, mccs, countries, null, null, n.cutOffZone(), 0, n.defaultTier(),
                n.minimumTier(), n.cashOutTokenValidityMinutes());
    }

    public static ProductLimits cutOff(LocalTime start, LocalTime end, ZoneId zone) {
        ProductLimits n = ProductLimits.NONE;
        return new ProductLimits(0, 0, Set.of(), Set.of(), start, end, zone, 0, n.defaultTier(), n.minimumTier(),
                n.cashOutTokenValidityMinutes());
    }

    public static ProductLimits tiers(String defaultTier, Map<MessageType, Integer> minimum) {
        ProductLimits n = ProductLimits.NONE;
        return new ProductLimits(0, 0, Set.of(), Set.of(), null, null, n.cutOffZone(), 0, defaultTier, minimum,
                n.cashOutTokenValidityMinutes());
    }

    public static ProductLimits cashOutValidity(int minutes) {
        ProductLimits n = ProductLimits.NONE;
        return new ProductLimits(0, 0, Set.of(), Set.of(), null, null, n.cutOffZone(), 0, n.defaultTier(),
                n.minimumTier(), minutes);
    }

    /** Account tiers in a map (money tests only need to set and read them). */
    public static final class MapAccountTiers implements AccountTiers {
        private final Map<String, String> byCard = new ConcurrentHashMap<>();

        @Override
        public Optional<String> tier(String cardId) {
            return Optional.ofNullable(byCard.get(cardId));
        }

        @Override
        public void setTier(String cardId, String tier, Instant now) {
            byCard.put(cardId, tier);
        }
    }

    /** KYC records in a map: the money handlers never use them, but {@link MoneyPorts} needs a store. */
    private static final class MapKycStore implements KycStore {
        private final Map<String, KycRecord> byReferNo = new ConcurrentHashMap<>();
        private final Map<String, String> cbsMsgIds = new ConcurrentHashMap<>();

        @Override
        public synchronized boolean save(KycRecord record) {
            if (byReferNo.containsKey(record.referNo()) || find(record.insId(), record.kycMsgId()).isPresent()) {
                return false;
            }
            byReferNo.put(record.referNo(), record);
            return true;
        }

        @Override
        public Optional<KycRecord> find(String insId, String kycMsgId) {
            return byReferNo.values().stream()
                    .filter(r -> r.insId().equals(insId) && r.kycMsgId().equals(kycMsgId))
                    .findFirst();
        }

        @Override
        public String fixOpeningCbsMsgId(String referNo, String candidate) {
            return cbsMsgIds.computeIfAbsent(referNo, r -> candidate);
        }

        @Override
        public synchronized boolean consume(String referNo, Instant now) {
            KycRecord r = byReferNo.get(referNo);
            if (r == null || r.state() != KycRecord.KycState.APPROVED) {
                return false;
            }
            byReferNo.put(referNo, new KycRecord(r.referNo(), r.insId(), r.kycMsgId(), r.issuerIin(), r.prdNo(),
                    r.deviceId(), r.userId(), r.cvmInfo(), KycRecord.KycState.CONSUMED, r.openingCbsMsgId(),
                    r.createdAt(), now));
            return true;
        }
    }
}
