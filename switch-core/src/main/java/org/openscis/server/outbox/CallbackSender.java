package org.openscis.server.outbox;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one callback to a participant's callback URL (implemented over the HTTP client link): POST the body, signed
 * with the switch's key in the four-name {@code UPI-JWS} form, and verify the signed answer.
 *
 * <p>Must not block the calling thread (the dispatcher calls it from its scheduler) and should complete by
 * {@code deadline}; the dispatcher stops waiting shortly after it in any case. The future should complete normally
 * with a {@link CallbackDelivery}; an exceptional completion counts as {@link CallbackDelivery.Failed}.
 */
@FunctionalInterface
public interface CallbackSender {

    /**
     * @param recipientInsId the App Gateway's insID (selects the callback URL and keys)
     * @param msgType        the wire name, e.g. {@code TRX_RESULT_NOTIFICATION} (selects a per-type URL if configured)
     * @param msgId          the callback's msgID, the same on every redelivery
     * @param envelopeBody   the exact body bytes to sign and send
     * @param deadline       when the dispatcher gives up on this attempt
     */
    CompletableFuture<CallbackDelivery> send(String recipientInsId, String msgType, String msgId,
            byte[] envelopeBody, Instant deadline);
}
