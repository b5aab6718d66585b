package org.openscis.router.port;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** The link to issuers' core banking systems. */
public interface CoreBanking {

    /**
     * Sends {@code call} to the CBS of {@code issuerIin}, giving up (as {@link CbsReply.NotSent} with 98 while still
     * queued, or {@link CbsReply.NoAnswer} once sent) at {@code deadline}. The stage never completes exceptionally
     * and completes on a thread that may block (never a network event loop), so callers may write storage in it.
     */
    CompletionStage<CbsReply> call(String issuerIin, CbsCall call, Instant deadline);
}
