package org.openscis.router.handler;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.AccountTiers;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TokenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CARD_BALANCE_INQUIRY (protocol.md §3.10, §7.6): the available balance of the token's account, from the issuer's
 * CBS (ACCOUNT_BALANCE_INQUIRY).
 *
 * <p>Request: {@code deviceID}, {@code userID}, {@code token}. Checks, in order: fields (30); the token (14/73/55,
 * {@link TokenResolver}); the card usable (its state's code, 54 past expiry, {@link CardUsability}); the token ACTIVE
 * (21); the card's product configured (89) and allowing CARD_BALANCE_INQUIRY (40).
 *
 * <p>The CBS gets {@code accountInfo} {@code {token, pan, accountNo}} ({@code accountNo} only when the card has one:
 * a card enrolled by PAN is known to its issuer by PAN) and a new {@code referNo}. Its refusals pass through (14 for
 * an account it does not know); an unanswered inquiry is 91 ({@link CbsQuery}: safe to repeat). The answer is
 * {@code deviceID}, {@code accountTier}, {@code balAmt}, {@code balCurrency} and {@code referNo}: the balance is the
 * {@code balList} item of {@code balType} AVAILABLE, its amount re-written in wire form with the currency's decimals
 * (a negative balance, where a product allows overdraft, keeps its {@code '-'}) and its currency defaulting to the
 * product's; a CBS answer without a readable AVAILABLE balance is 91. The tier is the one the App Gateway last
 * reported (ACCOUNT_UPDATE_NOTIFICATION) if any, else the CBS's {@code accountTier}, else the product's default.
 */
public final class CardBalanceInquiryHandler implements Handler {

    public static final int TIER_MAX_DIGITS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CardBalanceInquiryHandler.class);

    private final ProductCatalog catalog;
    private final TokenResolver resolver;
    private final AccountTiers tiers;
    private final SwitchIds ids;
    private final CbsQuery cbs;
    private final Clock clock;

    public CardBalanceInquiryHandler(ProductCatalog catalog, CardRepository cards, AccountTiers tiers, SwitchIds ids,
            CbsQuery cbs, Clock clock) {
        this.catalog = catalog;
        this.resolver = new TokenResolver(cards);
        this.tiers = tiers;
        this.ids = ids;
        this.cbs = cbs;
        this.clock = clock;
    }

    @Override
    public MessageType type() {
        return MessageType.CARD_BALANCE_INQUIRY;
    }

    @Override
    public CompletionStage<Outcome> handle(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String tokenNumber = RequestFields.token(reader);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);
        TokenResolution resolution = resolver.resolve(tokenNumber, deviceId, request.participant().insId());
        if (resolution instanceof TokenResolution.Refused refused) {
            return done(refused.toOutcome(echo));
        }
        TokenResolution.Resolved resolved = (TokenResolution.Resolved) resolution;
        CardRecord card = resolved.card();
        TokenRecord token = resolved.token();
        Optional<ResponseCode> unusable = CardUsability.refusal(card, clock);
        if (unusable.isPresent()) {
            return done(Outcome.fail(unusable.get(), null, echo));
        }
        if (token.state() != CardState.ACTIVE) {
            return done(Outcome.fail(ResponseCode.CARD_STATUS_ERROR, "the token is " + token.state(), echo));
        }
        Optional<CardProduct> product = catalog.byPrdNo(card.productId());
        if (product.isEmpty()) {
            return done(Outcome.fail(ResponseCode.CARD_PROFILE_NOT_FOUND, "the card's product is not configured",
                    echo));
        }
        if (!product.get().allows(MessageType.CARD_BALANCE_INQUIRY)) {
            return done(Outcome.fail(ResponseCode.NOT_SUPPORTED, "the product does not allow CARD_BALANCE_INQUIRY",
                    echo));
        }

        String referNo = ids.referNo(card.issuerIin());
        TrxInfo inquiry = TrxInfo.builder()
                .put("accountInfo", TrxInfo.builder()
                        .put("token", token.token())
                        .put("pan", card.pan())
                        .put("accountNo", card.accountNo())
                        .build())
                .put("referNo", referNo)
                .build();
        return cbs.ask(card.issuerIin(), CbsOperation.ACCOUNT_BALANCE_INQUIRY, inquiry, clock.instant())
                .thenApply(answer -> answered(answer, card, product.get(), deviceId, referNo, echo));
    }

    private Outcome answered(CbsQuery.Answer answer, CardRecord card, CardProduct product, String deviceId,
            String referNo, TrxInfo echo) {
        if (answer instanceof CbsQuery.Refused refused) {
            return Outcome.fail(refused.code(), refused.detail(), echo);
        }
        TrxInfo balance = ((CbsQuery.Approved) answer).trxInfo();
        Optional<Balance> available = available(balance, product.currency());
        if (available.isEmpty()) {
            LOG.warn("the CBS of issuer {} answered the balance of card {} without a readable AVAILABLE balance",
                    card.issuerIin(), card.cardId());
            return Outcome.fail(ResponseCode.ISSUER_SYSTEM_ERROR, "the issuer's balance answer is unusable", echo);
        }
        return Outcome.ok(TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("accountTier", tier(card, balance))
                .put("balAmt", available.get().amount())
                .put("balCurrency", available.get().currency())
                .put("referNo", referNo)
                .build());
    }

    private String tier(CardRecord card, TrxInfo balance) {
        return tiers.tier(card.cardId())
                .or(() -> Optional.ofNullable(balance.string("accountTier")).filter(CardBalanceInquiryHandler::isTier))
                .orElseGet(() -> catalog.limits(card.productId()).defaultTier());
    }

    /** One or two digits, as {@code accountTier} is sent. */
    static boolean isTier(String tier) {
        return tier != null && !tier.isEmpty() && tier.length() <= TIER_MAX_DIGITS
                && tier.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A balance in wire form: amount with the currency's decimals and the ISO 4217 numeric currency. */
    private record Balance(String amount, String currency) {}

    private static Optional<Balance> available(TrxInfo answer, String defaultCurrency) {
        List<Object> items = answer.list("balList");
        if (items == null) {
            return Optional.empty();
        }
        for (Object item : items) {
            if (item instanceof TrxInfo entry && "AVAILABLE".equals(entry.string("balType"))) {
                return balance(entry, defaultCurrency);
            }
        }
        return Optional.empty();
    }

    private static Optional<Balance> balance(TrxInfo entry, String defaultCurrency) {
        String code = entry.has("balCurrency") ? entry.string("balCurrency") : defaultCurrency;
        Optional<Currency> currency = Currency.byNumeric(code);
        Object raw = entry.get("balAmt");
        String text = raw instanceof String s ? s : raw instanceof BigDecimal n ? n.toPlainString() : null;
        if (currency.isEmpty() || text == null) {
            return Optional.empty();
        }
        boolean negative = text.startsWith("-");
        AmountParse parsed = Amount.parseAllowZero(negative ? text.substring(1) : text, currency.get());
        if (!(parsed instanceof AmountParse.Ok ok)) {
            return Optional.empty();
        }
        Amount amount = ok.amount();
        String wire = (negative && amount.minor() > 0 ? "-" : "") + amount.toWire();
        return Optional.of(new Balance(wire, currency.get().numeric()));
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
