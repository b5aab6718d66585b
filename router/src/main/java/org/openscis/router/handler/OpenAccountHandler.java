package org.openscis.router.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.mask.Masking;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardSecrets;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.KycRecord;
import org.openscis.router.port.KycStore;
import org.openscis.router.port.ProductCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPEN_ACCOUNT (protocol.md §3.3, §5.1): has the issuer open an account for an approved KYC, then issues a virtual
 * card and token on it exactly as CARD_ENROLLMENT does for an account ({@link Provisioner#newCardWithToken}).
 *
 * <p>Request: {@code deviceID}, {@code userID}, {@code origMsgID} (the KYC_VERIFICATION's msgID, AN 17-49),
 * {@code origReferNo} (its {@code referNo}), {@code cvmAddtlDocums} (optional array, passed to the CBS as is) and
 * {@code cvmInfo} (sent by some clients; ignored: the KYC's data is used). Checks, in order: fields (30); the KYC of
 * this participant under {@code origMsgID} with that {@code referNo} (25); not REJECTED (93); not CONSUMED (78); not
 * older than the KYC validity (95); same {@code deviceID} and {@code userID} as the KYC (93); its product still
 * configured (89) and allowing OPEN_ACCOUNT (40).
 *
 * <p>The CBS gets {@code insPrd}, {@code userID}, {@code cvmInfo} (the KYC's), {@code cvmAddtlDocums} and
 * {@code referNo} under a CBS msgID fixed per KYC by the first attempt ({@link KycStore#fixOpeningCbsMsgId}). That
 * is what makes a retry safe: the CBS is idempotent on msgID, so a retry after an unanswered call (answered 91, see
 * {@link CbsQuery}, with the KYC left APPROVED) asks the same question and gets the same account, never a second
 * one. On 00 with {@code accountInfo.accountNo} (91 if it is missing or not 4-34 digits) a new card of the product
 * and its token are stored, then the KYC is consumed; the answer carries the CARD_ENROLLMENT fields plus
 * {@code referNo}. If the account already has a live card of the product (a concurrent or earlier OPEN_ACCOUNT of the
 * same KYC won), the KYC is consumed and the answer is 78. Taken numbers five times over are 08 and leave the KYC
 * usable. CBS refusals pass through. Failures echo {@code deviceID}; account numbers and PANs are never logged or
 * answered in clear.
 */
public final class OpenAccountHandler implements Handler {

    public static final int ORIG_MSG_ID_MIN_CHARS = 17;
    public static final int ORIG_MSG_ID_MAX_CHARS = 49;

    private static final Logger LOG = LoggerFactory.getLogger(OpenAccountHandler.class);

    private final ProductCatalog catalog;
    private final KycStore kyc;
    private final CbsQuery cbs;
    private final Duration kycValidity;
    private final Clock clock;
    private final Provisioner provisioner;

    public OpenAccountHandler(ProductCatalog catalog, CardRepository cards, CardSecrets secrets, FieldCrypto crypto,
            KycStore kyc, CbsQuery cbs, Duration kycValidity, Clock clock) {
        this.catalog = catalog;
        this.kyc = kyc;
        this.cbs = cbs;
        this.kycValidity = kycValidity;
        this.clock = clock;
        this.provisioner = new Provisioner(cards, secrets, crypto, clock);
    }

    @Override
    public MessageType type() {
        return MessageType.OPEN_ACCOUNT;
    }

    @Override
    public CompletionStage<Outcome> handle(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        String userId = RequestFields.userId(reader);
        String origMsgId = reader.required("origMsgID", ORIG_MSG_ID_MIN_CHARS, ORIG_MSG_ID_MAX_CHARS, CharClass.AN);
        String origReferNo = reader.required("origReferNo", 1, KycVerificationHandler.REFER_NO_MAX_CHARS,
                CharClass.ANS);
        Object documents = request.trxInfo().get("cvmAddtlDocums");
        if (documents != null && !(documents instanceof List<?>)) {
            reader.fail("cvmAddtlDocums", "must be an array");
        }
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);

        Optional<KycRecord> found = kyc.find(request.participant().insId(), origMsgId);
        if (found.isEmpty() || !found.get().referNo().equals(origReferNo)) {
            return done(Outcome.fail(ResponseCode.ORIGINAL_NOT_FOUND, "no KYC with this origMsgID and origReferNo",
                    echo));
        }
        KycRecord record = found.get();
        Optional<Outcome> refused = refusal(record, deviceId, userId, echo);
        if (refused.isPresent()) {
            return done(refused.get());
        }
        Optional<CardProduct> product = catalog.byPrdNo(record.prdNo());
        if (product.isEmpty()) {
            return done(Outcome.fail(ResponseCode.CARD_PROFILE_NOT_FOUND, "the KYC's product is not configured",
                    echo));
        }
        if (!product.get().allows(MessageType.OPEN_ACCOUNT)) {
            return done(Outcome.fail(ResponseCode.NOT_SUPPORTED, "the product does not allow OPEN_ACCOUNT", echo));
        }

        Instant now = clock.instant();
        String cbsMsgId = record.openingCbsMsgId() != null
                ? record.openingCbsMsgId()
                : kyc.fixOpeningCbsMsgId(record.referNo(), cbs.newMsgId(record.issuerIin(), now));
        TrxInfo cbsTrx = TrxInfo.builder()
                .put("insPrd", record.prdNo())
                .put("userID", userId)
                .put("cvmInfo", record.cvmInfo())
                .put("cvmAddtlDocums", documents)
                .put("referNo", record.referNo())
                .build();
        Provisioner.Holder holder = new Provisioner.Holder(request.participant(), deviceId, userId);
        return cbs.ask(record.issuerIin(), CbsOperation.OPEN_ACCOUNT, cbsMsgId, cbsTrx, now)
                .thenApply(answer -> opened(answer, record, product.get(), holder, echo));
    }

    /** Why this KYC cannot open an account now, in the order of the class comment. */
    private Optional<Outcome> refusal(KycRecord record, String deviceId, String userId, TrxInfo echo) {
        if (record.state() == KycRecord.KycState.REJECTED) {
            return Optional.of(Outcome.fail(ResponseCode.INVALID_ENROLL_STATE, "the KYC was rejected", echo));
        }
        if (record.state() == KycRecord.KycState.CONSUMED) {
            return Optional.of(Outcome.fail(ResponseCode.DUPLICATE_REQUEST,
                    "an account was already opened with this KYC", echo));
        }
        if (clock.instant().isAfter(record.createdAt().plus(kycValidity))) {
            return Optional.of(Outcome.fail(ResponseCode.ENROLMENT_TIMED_OUT, "the KYC approval has expired", echo));
        }
        if (!record.deviceId().equals(deviceId) || !record.userId().equals(userId)) {
            return Optional.of(Outcome.fail(ResponseCode.INVALID_ENROLL_STATE,
                    "deviceID or userID is not the KYC's", echo));
        }
        return Optional.empty();
    }

    private Outcome opened(CbsQuery.Answer answer, KycRecord record, CardProduct product, Provisioner.Holder holder,
            TrxInfo echo) {
        if (answer instanceof CbsQuery.Refused refused) {
            return Outcome.fail(refused.code(), refused.detail(), echo);
        }
        TrxInfo accountInfo = ((CbsQuery.Approved) answer).trxInfo().object("accountInfo");
        String accountNo = accountInfo == null ? null : accountInfo.string("accountNo");
        if (!usableAccountNo(accountNo)) {
            LOG.warn("the CBS of issuer {} opened an account for KYC {} without a usable accountInfo.accountNo",
                    record.issuerIin(), record.referNo());
            return Outcome.fail(ResponseCode.ISSUER_SYSTEM_ERROR, "the issuer's answer carries no usable account",
                    echo);
        }
        Provisioner.Result result = provisioner.newCardWithToken(product, accountNo, holder);
        if (result instanceof Provisioner.Provisioned provisioned) {
            consume(record);
            LOG.info("opened an account with card {} and token {} for KYC {}", provisioned.card().cardId(),
                    Masking.pan(provisioned.token().token()), record.referNo());
            return Outcome.ok(provisioned.responseTrxInfo().toBuilder().put("referNo", record.referNo()).build());
        }
        if (result instanceof Provisioner.AlreadyLive) {
            // The account is the CBS's answer to this KYC's opening, so the KYC has served its purpose either way.
            consume(record);
            return Outcome.fail(ResponseCode.DUPLICATE_REQUEST, "an account was already opened with this KYC", echo);
        }
        return Outcome.fail(ResponseCode.TSP_ERROR, "no free card number", echo);
    }

    private void consume(KycRecord record) {
        if (!kyc.consume(record.referNo(), clock.instant())) {
            LOG.info("KYC {} was already consumed", record.referNo());
        }
    }

    private static boolean usableAccountNo(String accountNo) {
        return accountNo != null && accountNo.length() >= CardEnrollmentHandler.ACCOUNT_NO_MIN_DIGITS
                && accountNo.length() <= CardEnrollmentHandler.ACCOUNT_NO_MAX_DIGITS && Luhn.allDigits(accountNo);
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
