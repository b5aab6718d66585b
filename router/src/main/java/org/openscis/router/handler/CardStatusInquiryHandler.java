package org.openscis.router.handler;

import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.TokenRecord;

/**
 * CARD_STATUS_INQUIRY (protocol.md §3.9): the state of the wallet's token as {@code cardStatus}. After the
 * {@link TokenResolver} checks (14/73/55) the answer is the token's state, except that an ACTIVE token on a card the
 * issuer suspended or deleted reports the card's state: that is what decides whether the token can pay. A token on a
 * deleted card reports DELETED whatever its own state: DELETED is terminal, so a suspended token there can never be
 * resumed.
 */
public final class CardStatusInquiryHandler extends SynchronousHandler {

    private final TokenResolver resolver;

    public CardStatusInquiryHandler(CardRepository cards) {
        super(MessageType.CARD_STATUS_INQUIRY);
        this.resolver = new TokenResolver(cards);
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        TokenResolution resolution = resolver.resolve(token, deviceId, request.participant().insId());
        if (resolution instanceof TokenResolution.Refused refused) {
            return refused.toOutcome(RequestFields.deviceEcho(deviceId));
        }
        TokenResolution.Resolved resolved = (TokenResolution.Resolved) resolution;
        return Outcome.ok(TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("cardStatus", effectiveState(resolved.token(), resolved.card()).name())
                .build());
    }

    static CardState effectiveState(TokenRecord token, CardRecord card) {
        if (card.state() == CardState.DELETED) {
            return CardState.DELETED;
        }
        return token.state() == CardState.ACTIVE && card.state() != CardState.ACTIVE ? card.state() : token.state();
    }
}
