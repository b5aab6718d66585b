package org.openscis.router.handler;

import java.time.Clock;
import java.util.List;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.TokenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CARD_STATUS_MANAGEMENT (protocol.md §3.7, §5.3): the wallet suspends, resumes or deletes its token. After the
 * {@link TokenResolver} checks (14/73/55):
 *
 * <ul>
 *   <li>any action on a DELETED token → 93 (DELETED is terminal);
 *   <li>SUSPEND: ACTIVE → SUSPENDED; already SUSPENDED → 00 without change;
 *   <li>RESUME: SUSPENDED → ACTIVE; already ACTIVE → 00 without change; but 21 while the card itself is not ACTIVE
 *       (a token cannot be more usable than its card);
 *   <li>DELETE: ACTIVE or SUSPENDED → DELETED.
 * </ul>
 *
 * The change is a compare-and-set; if another request changed the token meanwhile, the decision is made again on
 * fresh state, at most {@value #MAX_ATTEMPTS} times (then 08). Wallet-initiated changes send no
 * CARD_STATUS_NOTIFICATION: the wallet already knows.
 */
public final class CardStatusManagementHandler extends SynchronousHandler {

    public static final int MAX_ATTEMPTS = 3;
    static final List<String> ACTIONS = List.of("SUSPEND", "RESUME", "DELETE");

    private static final Logger LOG = LoggerFactory.getLogger(CardStatusManagementHandler.class);

    private final CardRepository cards;
    private final TokenResolver resolver;
    private final Clock clock;

    public CardStatusManagementHandler(CardRepository cards, Clock clock) {
        super(MessageType.CARD_STATUS_MANAGEMENT);
        this.cards = cards;
        this.resolver = new TokenResolver(cards);
        this.clock = clock;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String action = reader.requiredOneOf("tokenAction", ACTIONS);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TokenResolution resolution = resolver.resolve(token, deviceId, request.participant().insId());
            if (resolution instanceof TokenResolution.Refused refused) {
                return refused.toOutcome(echo);
            }
            TokenResolution.Resolved resolved = (TokenResolution.Resolved) resolution;
            Decision decision = decide(action, resolved);
            if (decision.refusal() != null) {
                return Outcome.fail(decision.refusal(), decision.detail(), echo);
            }
            TokenRecord current = resolved.token();
            if (decision.target() == current.state()
                    || cards.updateTokenState(token, current.state(), current.withState(decision.target(), clock.instant()))) {
                if (decision.target() != current.state()) {
                    LOG.info("token {} {} -> {} by {}", Masking.pan(token), current.state(), decision.target(),
                            current.insId());
                }
                return Outcome.ok(TrxInfo.builder()
                        .put("deviceID", deviceId)
                        .put("tokenState", decision.target().name())
                        .build());
            }
        }
        LOG.warn("token {} kept changing under {} after {} attempts", Masking.pan(token), action, MAX_ATTEMPTS);
        return Outcome.fail(ResponseCode.TSP_ERROR, "token state changed concurrently; try again", echo);
    }

    private static Decision decide(String action, TokenResolution.Resolved resolved) {
        CardState state = resolved.token().state();
        if (state == CardState.DELETED) {
            return Decision.refuse(ResponseCode.INVALID_ENROLL_STATE, "the token is deleted");
        }
        return switch (action) {
            case "SUSPEND" -> Decision.to(CardState.SUSPENDED);
            case "RESUME" -> resolved.card().state() == CardState.ACTIVE
                    ? Decision.to(CardState.ACTIVE)
                    : Decision.refuse(ResponseCode.CARD_STATUS_ERROR, "the card is not active");
            case "DELETE" -> Decision.to(CardState.DELETED);
            default -> throw new IllegalArgumentException("unvalidated tokenAction");
        };
    }

    /** The state to move to (possibly the current one), or why not. */
    private record Decision(CardState target, ResponseCode refusal, String detail) {
        static Decision to(CardState target) {
            return new Decision(target, null, null);
        }

        static Decision refuse(ResponseCode code, String detail) {
            return new Decision(null, code, detail);
        }
    }
}
