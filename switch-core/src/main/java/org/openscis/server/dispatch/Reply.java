package org.openscis.server.dispatch;

/**
 * An unsigned response ready to be signed and sent: HTTP status, body bytes, the response code it carries (for
 * metrics) and the requester id that the response signature names.
 */
public record Reply(int httpStatus, byte[] body, String responseCode, String appId) {

    public boolean overloaded() {
        return httpStatus == 503;
    }
}
