package org.openscis.server.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link JdbcIdempotencyStore#claim} found for an ({@code insID}, {@code msgID}) key (decisions.md §4): the
 * caller now owns the key, or someone got there first.
 */
public sealed interface ClaimResult permits ClaimResult.Claimed, ClaimResult.Existing {

    /** Processing state of an idempotency record. */
    enum Status {
        /** Claimed; the response is not known yet (still processing, or the claimant died). */
        IN_FLIGHT,
        /** Finished; the stored response is final. */
        DONE
    }

    /** The key was free and is now claimed IN_FLIGHT by this caller, who must complete or release it. */
    record Claimed() implements ClaimResult {}

    /**
     * The key was already claimed. {@code responseCode} and {@code response} (decrypted) are null while
     * {@link Status#IN_FLIGHT}.
     */
    record Existing(String msgType, String fingerprint, Status status, String responseCode, byte[] response,
            Instant createdAt) implements ClaimResult {

        /** True if a retry with this type and fingerprint is the same request (else it is a {@code 94}). */
        public boolean sameRequest(String otherMsgType, String otherFingerprint) {
            return msgType.equals(otherMsgType) && fingerprint.equals(otherFingerprint);
        }

        public boolean done() {
            return status == Status.DONE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Existing e && msgType.equals(e.msgType) && fingerprint.equals(e.fingerprint)
                    && status == e.status && Objects.equals(responseCode, e.responseCode)
                    && Arrays.equals(response, e.response) && createdAt.equals(e.createdAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(msgType, fingerprint, status, responseCode, Arrays.hashCode(response), createdAt);
        }

        /** Shows the response's size only: it may carry card data. */
        @Override
        public String toString() {
            return "Existing[" + msgType + ", " + status + ", code=" + responseCode + ", response="
                    + (response == null ? "none" : response.length + " bytes") + ", created " + createdAt + "]";
        }
    }
}
