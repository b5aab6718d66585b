package org.openscis.router.handler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.mask.Masking;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.router.money.CutOffWindow;
import org.openscis.router.money.DailyLimit;
import org.openscis.router.port.AccountTiers;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.MerchantDirectory;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks before any money movement (decisions.md §5), in this order; the first failure decides:
 * <ol>
 *   <li>token: shape 14, unknown or another participant's 73, other device 55 ({@link TokenResolver}; the device is
 *       not checked when the request carries none);</li>
 *   <li>card state and expiry (41, 43, 34, 54, else 21; {@link CardUsability}), then the token's own state: a
 *       suspended or deleted token → 21;</li>
 *   <li>the card's product is configured (89) and allows the message type (40);</li>
 *   <li>the account tier (the one reported by ACCOUNT_UPDATE_NOTIFICATION, else the product's default) is at least
 *       the product's minimum for the type → 57;</li>
 *   <li>currency: not ISO 4217 → 30, not the product's currency → 13;</li>
 *   <li>amount and fee: zero, negative, malformed or too many decimals → 13;</li>
 *   <li>limits on amount + fee: per transaction, and for outgoing movements per UTC day together with the card's
 *       outgoing movements of the day that still count ({@link TransactionStore#outgoingSince}) → 61;</li>
 *   <li>the merchant-side party is configured for the card's issuer with the required role → 03; its category or
 *       country blocked by the product → 62;</li>
 *   <li>the product's cut-off window contains the request's arrival → 90.</li>
 * </ol>
 * Refusals carry a {@code responseMsg} naming the rule, never card data.
 */
public final class MovementChecks {

    private static final Logger LOG = LoggerFactory.getLogger(MovementChecks.class);

    private final ProductCatalog catalog;
    private final TokenResolver resolver;
    private final AccountTiers tiers;
    private final TransactionStore transactions;
    private final MerchantDirectory merchants;
    private final Clock clock;

    public MovementChecks(ProductCatalog catalog, CardRepository cards, AccountTiers tiers,
            TransactionStore transactions, MerchantDirectory merchants, Clock clock) {
        this.catalog = catalog;
        this.resolver = new TokenResolver(cards);
        this.tiers = tiers;
        this.transactions = transactions;
        this.merchants = merchants;
        this.clock = clock;
    }

    public CheckResult check(MovementCheck c) {
        TokenResolution resolution = c.deviceId() == null
                ? resolver.resolveOnAnyDevice(c.token(), c.insId())
                : resolver.resolve(c.token(), c.deviceId(), c.insId());
        if (resolution instanceof TokenResolution.Refused refused) {
            return new CheckResult.Refused(refused.code(), refused.detail());
        }
        TokenRecord token = ((TokenResolution.Resolved) resolution).token();
        CardRecord card = ((TokenResolution.Resolved) resolution).card();

        Optional<ResponseCode> unusable = CardUsability.refusal(card, clock);
        if (unusable.isPresent()) {
            return refuse(unusable.get(), null);
        }
        if (token.state() != CardState.ACTIVE) {
            return refuse(ResponseCode.CARD_STATUS_ERROR,
                    "the token is " + token.state().name().toLowerCase(Locale.ROOT));
        }

        Optional<CardProduct> found = catalog.byPrdNo(card.productId());
        if (found.isEmpty()) {
            LOG.warn("card {} has product {} which is not configured", card.cardId(), card.productId());
            return refuse(ResponseCode.CARD_PROFILE_NOT_FOUND, "the card's product is not configured");
        }
        CardProduct product = found.get();
        if (!product.allows(c.type())) {
            return refuse(ResponseCode.NOT_SUPPORTED, "the card's product does not allow " + c.type());
        }
        ProductLimits limits = catalog.limits(product.prdNo());
        if (!tierAllows(card, limits, c)) {
            return refuse(ResponseCode.NOT_PERMITTED, "the account tier does not allow " + c.type());
        }

        Optional<Currency> currency = Currency.byNumeric(c.trxCurrency());
        if (currency.isEmpty()) {
            return refuse(ResponseCode.FORMAT_ERROR, "trxCurrency: is not an ISO 4217 currency with a minor unit");
        }
        if (!currency.get().numeric().equals(product.currency())) {
            return refuse(ResponseCode.INVALID_AMOUNT, "trxCurrency: is not the card's currency");
        }
        AmountParse amount = Amount.parse(c.trxAmt(), currency.get());
        if (amount instanceof AmountParse.Invalid invalid) {
            return refuse(ResponseCode.INVALID_AMOUNT, "trxAmt: " + invalid.reason());
        }
        AmountParse fee = c.feeAmt() == null
                ? new AmountParse.Ok(new Amount(0, currency.get()))
                : Amount.parseAllowZero(c.feeAmt(), currency.get());
        if (fee instanceof AmountParse.Invalid invalid) {
            return refuse(ResponseCode.INVALID_AMOUNT, "trxFeeAmt: " + invalid.reason());
        }
        Amount trxAmount = ((AmountParse.Ok) amount).amount();
        Amount feeAmount = ((AmountParse.Ok) fee).amount();
        long total;
        try {
            total = Math.addExact(trxAmount.minor(), feeAmount.minor());
        } catch (ArithmeticException e) {
            return refuse(ResponseCode.INVALID_AMOUNT, "trxAmt and trxFeeAmt: together too large");
        }

        if (limits.perTransactionMinor() > 0 && total > limits.perTransactionMinor()) {
            return refuse(ResponseCode.EXCEEDS_LIMIT, "above the card's per-transaction limit");
        }
        DailyLimit daily = null;
        if (c.outgoing() && limits.dailyMinor() > 0) {
            daily = new DailyLimit(card.cardId(), currency.get().numeric(), startOfUtcDay(c.receivedAt()),
                    limits.dailyMinor());
            long used = transactions.outgoingSince(card.cardId(), daily.currency(), daily.since());
            if (used > daily.limitMinor() - total) {
                return refuse(ResponseCode.EXCEEDS_LIMIT, "above the card's daily limit");
            }
        }

        Merchant merchant = null;
        if (c.merchantId() != null) {
            Optional<Merchant> configured = merchants.find(card.issuerIin(), c.merchantId())
                    .filter(m -> m.role() == c.merchantRole());
            if (configured.isEmpty()) {
                return refuse(ResponseCode.INVALID_MERCHANT, "merchantInfo.mid: not a configured "
                        + c.merchantRole().name().toLowerCase(Locale.ROOT) + " of the card's issuer");
            }
            merchant = configured.get();
            if (limits.blockedMccs().contains(merchant.mcc())
                    || limits.blockedCountries().contains(merchant.country())) {
                return refuse(ResponseCode.RESTRICTED, "the merchant's category or country is blocked for the card");
            }
        }

        if (new CutOffWindow(limits.cutOffStart(), limits.cutOffEnd(), limits.cutOffZone()).contains(c.receivedAt())) {
            return refuse(ResponseCode.CUT_OFF, null);
        }
        return new CheckResult.Passed(token, card, product, limits, trxAmount, feeAmount, total, merchant, daily);
    }

    /**
     * Tiers are compared as numbers. A stored tier that is not a number refuses (57): better than approving on
     * corrupt data.
     */
    private boolean tierAllows(CardRecord card, ProductLimits limits, MovementCheck c) {
        Integer minimum = limits.minimumTier().get(c.type());
        if (minimum == null) {
            return true;
        }
        String tier = tiers.tier(card.cardId()).orElse(limits.defaultTier());
        try {
            return tier != null && Integer.parseInt(tier.trim()) >= minimum;
        } catch (NumberFormatException e) {
            LOG.warn("card {} has account tier {}, which is not a number", card.cardId(), Masking.digits(tier));
            return false;
        }
    }

    static Instant startOfUtcDay(Instant at) {
        return at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    private static CheckResult refuse(ResponseCode code, String detail) {
        return new CheckResult.Refused(code, detail);
    }
}
