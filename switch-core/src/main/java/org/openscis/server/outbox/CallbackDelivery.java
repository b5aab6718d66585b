package org.openscis.server.outbox;

import java.util.Objects;

/** The outcome of one callback send ({@link CallbackSender}). */
public sealed interface CallbackDelivery {

    /**
     * The recipient answered with an envelope whose signature verified. Only {@code responseCode} {@code 00} counts as
     * delivered; any other code is retried like a failure (decisions.md §8: the callee is expected to answer 00).
     */
    record Acknowledged(String responseCode) implements CallbackDelivery {

        public Acknowledged {
            Objects.requireNonNull(responseCode, "responseCode");
        }

        public boolean delivered() {
            return "00".equals(responseCode);
        }
    }

    /**
     * No usable answer: not connected, timed out, HTTP error, unreadable or unverifiable response. {@code reason} is
     * short, for operators, and must not contain card data (it is stored as the row's last error).
     */
    record Failed(String reason) implements CallbackDelivery {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
