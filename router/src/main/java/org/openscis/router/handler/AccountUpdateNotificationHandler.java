package org.openscis.router.handler;

import java.time.Clock;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.AccountTiers;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.TokenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACCOUNT_UPDATE_NOTIFICATION, inbound (protocol.md §3.6, the RRTX direction): the App Gateway reports a new KYC tier
 * of the account behind one of its tokens. The tier is stored per card ({@link AccountTiers}) and is what
 * CARD_BALANCE_INQUIRY reports and the money rules compare from then on.
 *
 * <p>Request: {@code token}, {@code accountTier} (1-2 digits), {@code referNo} (optional), {@code deviceID}
 * (optional). Checks, in order: fields (30); the token 16-19 digits with a valid check digit (14); enrolled by this
 * participant (73; another participant's token looks unknown, as in {@link TokenResolver}); bound to
 * {@code deviceID} if one is given (55); not DELETED (21: the participant no longer holds that enrolment, and the
 * card may have other holders). A suspended token may still report a tier: the tier is a fact about the account,
 * not a use of the card. The tier is stored without leading zeros ({@code "01"} is tier 1). The response carries
 * {@code msgResponse} only.
 */
public final class AccountUpdateNotificationHandler extends SynchronousHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AccountUpdateNotificationHandler.class);

    private final CardRepository cards;
    private final AccountTiers tiers;
    private final Clock clock;

    public AccountUpdateNotificationHandler(CardRepository cards, AccountTiers tiers, Clock clock) {
        super(MessageType.ACCOUNT_UPDATE_NOTIFICATION);
        this.cards = cards;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String token = RequestFields.token(reader);
        String tier = reader.required("accountTier", 1, CardBalanceInquiryHandler.TIER_MAX_DIGITS, CharClass.N);
        reader.optional("referNo", 1, KycVerificationHandler.REFER_NO_MAX_CHARS, CharClass.ANS);
        String deviceId = reader.optional("deviceID", 1, RequestFields.ID_MAX_CHARS, CharClass.ANS);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        if (!TokenResolver.wellFormed(token)) {
            return Outcome.fail(ResponseCode.INVALID_CARD_NUMBER,
                    "token must be 16 to 19 digits with a valid check digit");
        }
        Optional<TokenRecord> found = cards.findToken(token);
        if (found.isEmpty() || !found.get().insId().equals(request.participant().insId())) {
            return Outcome.fail(ResponseCode.ENROLLMENT_NOT_FOUND);
        }
        TokenRecord record = found.get();
        if (deviceId != null && !record.deviceId().equals(deviceId)) {
            return Outcome.fail(ResponseCode.INVALID_DEVICE, "deviceID is not the token's device");
        }
        if (record.state() == CardState.DELETED) {
            return Outcome.fail(ResponseCode.CARD_STATUS_ERROR, "the token is DELETED");
        }
        String normalized = Integer.toString(Integer.parseInt(tier));
        tiers.setTier(record.cardId(), normalized, clock.instant());
        LOG.info("account tier of card {} set to {} by {} (token {})", record.cardId(), normalized,
                record.insId(), Masking.pan(token));
        return Outcome.ok(null);
    }
}
