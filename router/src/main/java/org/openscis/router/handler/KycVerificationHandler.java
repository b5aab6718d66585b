package org.openscis.router.handler;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.FieldError;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.KycRecord;
import org.openscis.router.port.KycStore;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.SwitchIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KYC_VERIFICATION (protocol.md §3.2, §5.1): forwards the wallet user's identity data to the issuer's CBS and keeps
 * the decision for the OPEN_ACCOUNT that follows.
 *
 * <p>Request: {@code deviceID}, {@code userID}, {@code cvmInfo} (compact JWE to the switch), {@code referNo}
 * (optional, ignored: the switch makes its own, unique per issuer) and {@code prdNo} (optional; else the
 * participant's default product). Checks, in order: fields (30), {@code cvmInfo} decryptable (A0) and a JSON object
 * (30), the product known (89) and allowing KYC_VERIFICATION (40), every CVM field the product requires present as
 * text (30).
 *
 * <p>The CBS gets {@code insPrd}, {@code userID}, {@code deviceID}, {@code cvmInfo} (the plain object; the link
 * encrypts it) and the new {@code referNo}. On 00 the decision is stored APPROVED with the KYC data (storage encrypts
 * it) and the answer is {@code {deviceID, referNo}}; on 05 it is stored REJECTED, without the KYC data (nothing will
 * ever use it), and the answer is 05 with {@code {deviceID, referNo}} (an OPEN_ACCOUNT naming it is 93). Any other code is passed through and nothing is stored, so the App Gateway may
 * simply send a new KYC_VERIFICATION; that includes 91 when the CBS did not answer (see {@link CbsQuery}: a KYC the
 * switch never recorded can be asked again). Failures echo {@code deviceID}. KYC data never reaches a log line or a
 * {@code responseMsg}.
 */
public final class KycVerificationHandler implements Handler {

    public static final int REFER_NO_MAX_CHARS = 50;

    /** The cvmInfo members of protocol.md §2.6: an object holding one of them is never unwrapped from {@code sub}. */
    private static final Set<String> CVM_MEMBERS = Set.of("pan", "accountNo", "expiryDate", "cvn2", "firstName",
            "midName", "lastName", "fullName", "mobileNo", "idType", "idNo", "idCountry");

    private static final Logger LOG = LoggerFactory.getLogger(KycVerificationHandler.class);

    private final ProductCatalog catalog;
    private final FieldCrypto crypto;
    private final EnvelopeCodec json;
    private final KycStore kyc;
    private final SwitchIds ids;
    private final CbsQuery cbs;
    private final Clock clock;

    public KycVerificationHandler(ProductCatalog catalog, FieldCrypto crypto, EnvelopeCodec json, KycStore kyc,
            SwitchIds ids, CbsQuery cbs, Clock clock) {
        this.catalog = catalog;
        this.crypto = crypto;
        this.json = json;
        this.kyc = kyc;
        this.ids = ids;
        this.cbs = cbs;
        this.clock = clock;
    }

    @Override
    public MessageType type() {
        return MessageType.KYC_VERIFICATION;
    }

    @Override
    public CompletionStage<Outcome> handle(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        String userId = RequestFields.userId(reader);
        String cvmInfo = reader.required("cvmInfo", 1, SealedCvmInfo.MAX_CHARS, CharClass.ANS);
        reader.optional("referNo", 1, REFER_NO_MAX_CHARS, CharClass.ANS);
        String prdNo = reader.optional("prdNo", 1, CardEnrollmentHandler.PRD_NO_MAX_CHARS, CharClass.AN);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);

        SealedCvmInfo.Opened opened = SealedCvmInfo.open(crypto, json, cvmInfo, CVM_MEMBERS);
        if (opened instanceof SealedCvmInfo.Refused refused) {
            return done(Outcome.fail(refused.code(), refused.detail(), echo));
        }
        TrxInfo cvm = ((SealedCvmInfo.Ok) opened).cvm();

        String insId = request.participant().insId();
        Optional<CardProduct> found = prdNo != null ? catalog.byPrdNo(prdNo) : catalog.defaultProduct(insId);
        if (found.isEmpty()) {
            return done(Outcome.fail(ResponseCode.CARD_PROFILE_NOT_FOUND, prdNo != null
                    ? "prdNo is not a configured card product" : "no card product is configured for KYC", echo));
        }
        CardProduct product = found.get();
        if (!product.allows(MessageType.KYC_VERIFICATION)) {
            return done(Outcome.fail(ResponseCode.NOT_SUPPORTED, "the product does not allow KYC_VERIFICATION", echo));
        }
        FieldError missing = missingCvmField(cvm, product);
        if (missing != null) {
            return done(Outcome.fail(ResponseCode.FORMAT_ERROR, missing.toString(), echo));
        }

        String issuerIin = product.issuerIin();
        String referNo = ids.referNo(issuerIin);
        TrxInfo cbsTrx = TrxInfo.builder()
                .put("insPrd", product.prdNo())
                .put("userID", userId)
                .put("deviceID", deviceId)
                .put("cvmInfo", cvm)
                .put("referNo", referNo)
                .build();
        Application application = new Application(referNo, insId, request.msgInfo().msgID(), issuerIin,
                product.prdNo(), deviceId, userId, cvm);
        return cbs.ask(issuerIin, CbsOperation.KYC_VERIFICATION, cbsTrx, clock.instant())
                .thenApply(answer -> decided(answer, application, echo));
    }

    private Outcome decided(CbsQuery.Answer answer, Application application, TrxInfo echo) {
        Instant now = clock.instant();
        if (answer instanceof CbsQuery.Approved) {
            KycRecord approved = application.decided(KycRecord.KycState.APPROVED, now);
            if (!kyc.save(approved)) {
                return notSaved(approved, echo);
            }
            LOG.info("KYC {} of {} approved by issuer {}", approved.referNo(), approved.insId(), approved.issuerIin());
            return Outcome.ok(TrxInfo.builder()
                    .put("deviceID", approved.deviceId())
                    .put("referNo", approved.referNo())
                    .build());
        }
        CbsQuery.Refused refused = (CbsQuery.Refused) answer;
        if (refused.code() == ResponseCode.CARDHOLDER_VERIFICATION_FAILED) {
            KycRecord rejected = application.decided(KycRecord.KycState.REJECTED, now);
            if (!kyc.save(rejected)) {
                LOG.warn("KYC {} of {} rejected by the issuer but not stored: its msgID or referNo is taken",
                        rejected.referNo(), rejected.insId());
                return Outcome.fail(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "KYC rejected by the issuer", echo);
            }
            // with the reference the App Gateway can name the rejected KYC: an OPEN_ACCOUNT on it is then 93, not 25
            return Outcome.fail(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "KYC rejected by the issuer",
                    echo.toBuilder().put("referNo", rejected.referNo()).build());
        }
        return Outcome.fail(refused.code(), refused.detail(), echo);
    }

    /**
     * A decision already stored under this msgID is a business duplicate (78): the idempotency layer forgot the
     * original request but the KYC store did not. A taken referNo means the identifier source repeated itself (96).
     */
    private Outcome notSaved(KycRecord approved, TrxInfo echo) {
        if (kyc.find(approved.insId(), approved.kycMsgId()).isPresent()) {
            return Outcome.fail(ResponseCode.DUPLICATE_REQUEST, "this msgID already has a KYC decision", echo);
        }
        LOG.error("KYC referNo {} of issuer {} was handed out twice; the approval was not stored",
                approved.referNo(), approved.issuerIin());
        return Outcome.fail(ResponseCode.SYSTEM_ERROR, "the KYC decision could not be stored", echo);
    }

    /** The first CVM field the product requires that is absent or not text, or null; never quotes a value. */
    private static FieldError missingCvmField(TrxInfo cvm, CardProduct product) {
        for (String field : product.cvmFields()) {
            Object value = cvm.get(field);
            if (value == null) {
                return new FieldError("cvmInfo." + field, "is missing");
            }
            if (!(value instanceof String text) || text.isBlank()) {
                return new FieldError("cvmInfo." + field, "must be non-empty text");
            }
        }
        return null;
    }

    /** What was sent to the CBS, waiting for its decision. */
    private record Application(String referNo, String insId, String kycMsgId, String issuerIin, String prdNo,
            String deviceId, String userId, TrxInfo cvm) {

        /** A rejected applicant's KYC data is not kept: nothing will ever use it. */
        KycRecord decided(KycRecord.KycState state, Instant now) {
            TrxInfo kept = state == KycRecord.KycState.APPROVED ? cvm : TrxInfo.EMPTY;
            return new KycRecord(referNo, insId, kycMsgId, issuerIin, prdNo, deviceId, userId, kept, state, null, now,
                    null);
        }

        @Override
        public String toString() {
            return "Application[" + referNo + ", " + insId + "/" + kycMsgId + "]";
        }
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
