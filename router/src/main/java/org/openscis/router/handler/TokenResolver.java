package org.openscis.router.handler;

import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.mask.Masking;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.TokenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the {@code token} of a token-based request, with the checks every such message makes first, in this
 * order: not 16-19 digits or Luhn-invalid → 14; unknown, or enrolled by another participant → 73 (another
 * participant's token is indistinguishable from an unknown one, so that tokens cannot be probed); {@code deviceID}
 * not the one the token is bound to → 55. A token whose card is missing is a storage inconsistency → 08.
 *
 * <p>The token's and card's states are not judged here: each message type decides what they mean.
 */
public final class TokenResolver {

    private static final Logger LOG = LoggerFactory.getLogger(TokenResolver.class);

    public static final int TOKEN_MIN_DIGITS = 16;
    public static final int TOKEN_MAX_DIGITS = 19;

    private final CardRepository cards;

    public TokenResolver(CardRepository cards) {
        this.cards = cards;
    }

    /** True if {@code token} has the shape of a token: 16-19 digits with a valid Luhn check digit. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() >= TOKEN_MIN_DIGITS && token.length() <= TOKEN_MAX_DIGITS
                && Luhn.isValid(token);
    }

    /**
     * @param token    the token as sent
     * @param deviceId the request's {@code deviceID}
     * @param insId    the authenticated requester
     */
    public TokenResolution resolve(String token, String deviceId, String insId) {
        return resolve(token, deviceId, insId, true);
    }

    /**
     * Like {@link #resolve}, for a message that may carry no {@code deviceID} (CREDIT_TRANSACTION: a top-up need not
     * come from the cardholder's device): the 14 and 73 checks only, never 55.
     */
    public TokenResolution resolveOnAnyDevice(String token, String insId) {
        return resolve(token, null, insId, false);
    }

    private TokenResolution resolve(String token, String deviceId, String insId, boolean checkDevice) {
        if (!wellFormed(token)) {
            return new TokenResolution.Refused(ResponseCode.INVALID_CARD_NUMBER,
                    "token must be 16 to 19 digits with a valid check digit");
        }
        Optional<TokenRecord> found = cards.findToken(token);
        if (found.isEmpty() || !found.get().insId().equals(insId)) {
            return new TokenResolution.Refused(ResponseCode.ENROLLMENT_NOT_FOUND, null);
        }
        TokenRecord record = found.get();
        if (checkDevice && !record.deviceId().equals(deviceId)) {
            return new TokenResolution.Refused(ResponseCode.INVALID_DEVICE, "deviceID is not the token's device");
        }
        Optional<CardRecord> card = cards.findCardById(record.cardId());
        if (card.isEmpty()) {
            LOG.warn("token {} refers to card {} which does not exist", Masking.pan(token), record.cardId());
            return new TokenResolution.Refused(ResponseCode.TSP_ERROR, "token cannot be resolved to a card");
        }
        return new TokenResolution.Resolved(record, card.get());
    }
}
