package org.openscis.router.handler;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.TokenRecord;

/** What {@link TokenResolver} found: the token with its card, or the refusal a handler answers with. */
public sealed interface TokenResolution {

    /** A well-formed token of the requester, on the requesting device, with its card (in any state). */
    record Resolved(TokenRecord token, CardRecord card) implements TokenResolution {}

    /** Why the token cannot be used; {@code detail} never contains the token. */
    record Refused(ResponseCode code, String detail) implements TokenResolution {

        public Outcome toOutcome() {
            return Outcome.fail(code, detail);
        }

        /** The refusal, echoing some response fields (e.g. {@code deviceID}). */
        public Outcome toOutcome(TrxInfo echo) {
            return Outcome.fail(code, detail, echo);
        }
    }
}
