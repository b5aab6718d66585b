package org.openscis.server.client;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;

/**
 * Everything about one request, with defaults that make a correct signed request and options that make it wrong on
 * purpose (system tests of the security gate, decisions.md §2-3). Unset options mean "do the right thing".
 *
 * <p>Defaults: POST to the path of {@code msgType}; msgInfo built by the client; sensitive fields encrypted;
 * {@code Content-Type: application/json;charset=UTF-8}; UPI-JWS with {@code alg} for our signing key, our signing
 * kid, the four UPI crit names, a fresh UUID, now as UPI-TIMESTAMP, our insID and the called path.
 */
public final class RequestSpec {

    final String msgType;
    final TrxInfo trxInfo;
    final String msgId;
    final MsgInfo msgInfo;
    final String path;
    final String reqPath;
    final boolean omitReqPath;
    final String timestamp;
    final String uuid;
    final String kid;
    final String alg;
    final List<String> crit;
    final String appId;
    final PrivateKey signingKey;
    final boolean skipSigning;
    final boolean corruptSignature;
    final String jwsHeaderValue;
    final byte[] rawBody;
    final Map<String, String> extraHeaders;
    final String method;
    final String contentType;
    final boolean encryptSensitiveFields;
    final Duration timeout;

    private RequestSpec(Builder b) {
        msgType = b.msgType;
        trxInfo = b.trxInfo;
        msgId = b.msgId;
        msgInfo = b.msgInfo;
        path = b.path;
        reqPath = b.reqPath;
        omitReqPath = b.omitReqPath;
        timestamp = b.timestamp;
        uuid = b.uuid;
        kid = b.kid;
        alg = b.alg;
        crit = b.crit == null ? null : List.copyOf(b.crit);
        appId = b.appId;
        signingKey = b.signingKey;
        skipSigning = b.skipSigning;
        corruptSignature = b.corruptSignature;
        jwsHeaderValue = b.jwsHeaderValue;
        rawBody = b.rawBody;
        extraHeaders = Map.copyOf(b.extraHeaders);
        method = b.method;
        contentType = b.contentType;
        encryptSensitiveFields = b.encryptSensitiveFields;
        timeout = b.timeout;
    }

    /** A correct request of {@code msgType} carrying {@code trxInfo}. */
    public static RequestSpec of(String msgType, TrxInfo trxInfo) {
        return builder(msgType).trxInfo(trxInfo).build();
    }

    /** {@code msgType} may be null when {@link Builder#path(String)} and a raw body or msgInfo are given. */
    public static Builder builder(String msgType) {
        return new Builder(msgType);
    }

    /** Whether the protected header must be written by hand because the codec would refuse it. */
    boolean forgesHeader() {
        return alg != null || crit != null;
    }

    /** Collects options; every setter returns the builder. */
    public static final class Builder {
        private final String msgType;
        private TrxInfo trxInfo;
        private String msgId;
        private MsgInfo msgInfo;
        private String path;
        private String reqPath;
        private boolean omitReqPath;
        private String timestamp;
        private String uuid;
        private String kid;
        private String alg;
        private List<String> crit;
        private String appId;
        private PrivateKey signingKey;
        private boolean skipSigning;
        private boolean corruptSignature;
        private String jwsHeaderValue;
        private byte[] rawBody;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private String method = "POST";
        private String contentType = AppGatewayClient.CONTENT_TYPE_JSON;
        private boolean encryptSensitiveFields = true;
        private Duration timeout;

        private Builder(String msgType) {
            this.msgType = msgType;
        }

        public Builder trxInfo(TrxInfo v) {
            trxInfo = v;
            return this;
        }

        /** Our msgID instead of a generated one (retries, duplicate tests). */
        public Builder msgId(String v) {
            msgId = v;
            return this;
        }

        /** The exact msgInfo to send (overrides msgType, msgId and the generated block). */
        public Builder msgInfo(MsgInfo v) {
            msgInfo = v;
            return this;
        }

        /** The path to call instead of the msgType's path (relative to the base URL). */
        public Builder path(String v) {
            path = v;
            return this;
        }

        /** The UPI-REQPATH value instead of the called path. */
        public Builder reqPath(String v) {
            reqPath = v;
            return this;
        }

        /** Sign without UPI-REQPATH (three-name crit, as a response would be). */
        public Builder omitReqPath() {
            omitReqPath = true;
            return this;
        }

        /** UPI-TIMESTAMP as given (e.g. ten minutes ago). */
        public Builder timestamp(String v) {
            timestamp = v;
            return this;
        }

        /** UPI-UUID as given (replay tests). */
        public Builder uuid(String v) {
            uuid = v;
            return this;
        }

        public Builder kid(String v) {
            kid = v;
            return this;
        }

        /** Declares this {@code alg} (e.g. "none", "HS256"); the header is then written by hand. */
        public Builder alg(String v) {
            alg = v;
            return this;
        }

        /** Declares this {@code crit} list; the header is then written by hand. */
        public Builder crit(List<String> v) {
            crit = v;
            return this;
        }

        /** UPI-APPID as given instead of our insID. */
        public Builder appId(String v) {
            appId = v;
            return this;
        }

        /** Signs with another key (e.g. one the switch does not know). */
        public Builder signingKey(PrivateKey v) {
            signingKey = v;
            return this;
        }

        /** No UPI-JWS header at all. */
        public Builder skipSigning() {
            skipSigning = true;
            return this;
        }

        /** A correctly formed UPI-JWS whose signature does not verify. */
        public Builder corruptSignature() {
            corruptSignature = true;
            return this;
        }

        /** The exact UPI-JWS header value to send. */
        public Builder jwsHeaderValue(String v) {
            jwsHeaderValue = v;
            return this;
        }

        /** These body bytes instead of the encoded envelope (signed as they are unless signing is skipped). */
        public Builder rawBody(byte[] v) {
            rawBody = v;
            return this;
        }

        /** An extra header, set after all others (so it can also replace them, except framing headers). */
        public Builder header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        public Builder method(String v) {
            method = v;
            return this;
        }

        /** The Content-Type to send; null sends none. */
        public Builder contentType(String v) {
            contentType = v;
            return this;
        }

        /** Whether plain-text sensitive fields are encrypted to the switch first (default true). */
        public Builder encryptSensitiveFields(boolean v) {
            encryptSensitiveFields = v;
            return this;
        }

        /** This request's deadline instead of the client's request timeout. */
        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        public RequestSpec build() {
            return new RequestSpec(this);
        }
    }
}
