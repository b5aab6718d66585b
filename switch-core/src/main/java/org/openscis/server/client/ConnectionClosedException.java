package org.openscis.server.client;

import java.io.IOException;

/** The connection closed (or failed) after the request was handed to it and before a complete response arrived. */
public final class ConnectionClosedException extends IOException {

    public ConnectionClosedException(String message) {
        super(message);
    }

    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
