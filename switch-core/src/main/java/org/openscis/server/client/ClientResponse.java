package org.openscis.server.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.TrxInfo;

/**
 * A response from the switch as the client saw it: HTTP status, headers (case-insensitive names, repeated headers
 * joined with ", "), raw body bytes, the decoded envelope (null when the body is not a readable envelope), the
 * {@code msgResponse.responseCode} (null when there is none) and the result of checking its UPI-JWS.
 *
 * <p>{@code body} is not copied; treat it as read-only.
 */
public record ClientResponse(int status, Map<String, String> headers, byte[] body, Envelope envelope,
        String responseCode, SignatureCheck signature) {

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean signatureValid() {
        return signature.valid();
    }

    public String signatureReason() {
        return signature.reason();
    }

    /** The response's trxInfo, or {@link TrxInfo#EMPTY}. */
    public TrxInfo trxInfo() {
        return envelope == null ? TrxInfo.EMPTY : envelope.trxInfoOrEmpty();
    }

    public String responseMsg() {
        return envelope == null || envelope.msgResponse() == null ? null : envelope.msgResponse().responseMsg();
    }

    public boolean approved() {
        return "00".equals(responseCode);
    }

    @Override
    public String toString() {
        return "ClientResponse[status=" + status + ", responseCode=" + responseCode + ", signature="
                + signature.reason() + ", bodyBytes=" + body.length + "]";
    }
}
