package org.openscis.connector.sim;

import java.util.Map;

/** What the connection handler does with a request once it is decided. */
sealed interface SimAction {

    /** Write this response ({@code delayMillis} late), then close the connection if {@code close}. */
    record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis, boolean close)
            implements SimAction {

        Reply delayed(long millis) {
            return new Reply(status, headers, body, millis, close);
        }
    }

    /** Never answer, on this connection or to anything sent on it later. */
    record Hang() implements SimAction {}

    /** Close the connection without an answer. */
    record Drop() implements SimAction {}
}
