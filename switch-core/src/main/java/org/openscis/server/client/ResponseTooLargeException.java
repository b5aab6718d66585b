package org.openscis.server.client;

import java.io.IOException;

/**
 * The response exceeded {@link ClientOptions#maxResponseBytes()} (or Netty's header limits); the connection was
 * closed.
 */
public final class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(int maxResponseBytes, Throwable cause) {
        super("response larger than the limit (body at most " + maxResponseBytes + " bytes): " + cause.getMessage(),
                cause);
    }
}
