package org.openscis.connector.cbs;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.link.LinkResult.NotSentReason;
import org.openscis.connector.link.PeerLink;

/**
 * The switch's client to one issuer's CBS (protocol.md §3.25, the issue-3 contracts): builds the envelope, encrypts
 * the JWE request fields, POSTs it over a {@link PeerLink} to {@code /cbs/<type>} (or the configured path) signed
 * for the issuer IIN, and reads the answer. Thread-safe; futures complete on the link's event loop and never
 * exceptionally. Request fields are encrypted on the caller's thread; the answer's {@code accountInfo} (OPEN_ACCOUNT
 * only) is decrypted on the event loop. Card data (accountNo, pan) travels only inside the encrypted fields and is
 * never logged.
 */
public final class CbsClient {

    private final String issuerIin;
    private final PeerLink link;
    private final Map<String, String> pathOverrides;
    private final Clock clock;
    private final CbsRequests requests;
    private final CbsAnswers answers;

    /** {@code pathOverrides} maps a msgType to its path where it is not {@link CbsProtocol#defaultPath}. */
    public CbsClient(String issuerIin, PeerLink link, Map<String, String> pathOverrides, CbsFieldCipher cipher,
            Clock clock) {
        this.issuerIin = Objects.requireNonNull(issuerIin, "issuerIin");
        this.link = Objects.requireNonNull(link, "link");
        this.pathOverrides = Map.copyOf(Objects.requireNonNull(pathOverrides, "pathOverrides"));
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cipher, "cipher");
        this.requests = new CbsRequests(issuerIin, cipher);
        this.answers = new CbsAnswers(cipher);
    }

    /**
     * Sends {@code msgType} with msgID {@code cbsMsgId} and the plain {@code trxInfo} (JWE fields as nested objects;
     * null counts as empty), giving up at {@code deadline} (see {@link PeerLink#post}). Null msgType or cbsMsgId
     * throw.
     */
    public CompletableFuture<CbsResult> call(String msgType, String cbsMsgId, TrxInfo plainTrxInfo,
            Instant deadline) {
        Objects.requireNonNull(msgType, "msgType");
        Objects.requireNonNull(cbsMsgId, "cbsMsgId");
        Objects.requireNonNull(deadline, "deadline");
        byte[] body;
        try {
            body = requests.body(msgType, cbsMsgId, plainTrxInfo, clock.instant());
        } catch (RuntimeException e) {
            // Not the message: a cipher's exception may quote what it was given.
            return CompletableFuture.completedFuture(new CbsResult.NotSent(NotSentReason.CLOSED,
                    "request fields could not be encrypted for the issuer: " + e.getClass().getSimpleName()));
        }
        return link.post(path(msgType), issuerIin, body, deadline).thenApply(r -> answers.read(r, cbsMsgId));
    }

    /** The path {@code msgType} is POSTed to. */
    public String path(String msgType) {
        String override = pathOverrides.get(msgType);
        return override != null ? override : CbsProtocol.defaultPath(msgType);
    }

    public String issuerIin() {
        return issuerIin;
    }
}
