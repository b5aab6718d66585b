package org.openscis.router.money;

import java.time.Instant;
import org.openscis.codec.envelope.TrxInfo;

/**
 * Builds the CBS request {@code trxInfo} of a movement once its CBS msgID is known (the trace number is derived from
 * it). It may be called more than once if a drawn msgID is taken; each call must give a complete request.
 */
@FunctionalInterface
public interface CbsRequestFactory {

    TrxInfo build(String cbsMsgId, Instant now);
}
