package org.openscis.server.client;

import java.util.Map;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.TrxInfo;

/** One request/response pair: what was sent and what came back, with shortcuts to the response's parts. */
public record SignedExchange(SentRequest request, ClientResponse response) {

    public int status() {
        return response.status();
    }

    public Map<String, String> headers() {
        return response.headers();
    }

    public byte[] body() {
        return response.body();
    }

    public Envelope envelope() {
        return response.envelope();
    }

    public TrxInfo trxInfo() {
        return response.trxInfo();
    }

    public String responseCode() {
        return response.responseCode();
    }

    public boolean signatureValid() {
        return response.signatureValid();
    }

    public String signatureReason() {
        return response.signatureReason();
    }

    /** Whether the response carries the msgID we sent (protocol.md §2.3: responses echo it). */
    public boolean msgIdEchoed() {
        Envelope e = response.envelope();
        return request.msgInfo() != null && e != null && e.msgInfo() != null
                && request.msgInfo().msgID().equals(e.msgInfo().msgID());
    }

    @Override
    public String toString() {
        return "SignedExchange[" + request.method() + " " + request.path() + " -> " + response + "]";
    }
}
