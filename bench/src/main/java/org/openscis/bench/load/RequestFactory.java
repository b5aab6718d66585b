package org.openscis.bench.load;

import java.util.concurrent.ThreadLocalRandom;
import org.openscis.bench.workload.SampleMessages;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.client.RequestSpec;

/**
 * Builds the request of each type. Enrolments name an account that exists at the CBS on a fresh device and user
 * (the client library encrypts {@code cvmInfo} to the switch); token-based requests name a warm-up token with its
 * device and user; a P2P_TRANSFER pays the account of another warm-up token ({@code creditAccountInfo}
 * {@code {accountNo}}, also encrypted by the client library). Amounts are small and random ({@link Workload}).
 */
final class RequestFactory {

    /** An enrolment request and the holder and account it creates a token for. */
    record Enrollment(String deviceId, String userId, String accountNo, RequestSpec spec) {}

    static final String DELETION_TYPE = "CARD_STATUS_MANAGEMENT";

    private final TokenPool tokens;
    private final Workload workload;
    /** The accounts CARD_ENROLLMENTs of the load phase enrol: those the warm-up left alone, if any. */
    private final AccountRange enrollmentAccounts;
    private final MerchantQrCode merchantQr = MerchantQrCode.build();

    RequestFactory(TokenPool tokens, Workload workload, AccountRange enrollmentAccounts) {
        this.tokens = tokens;
        this.workload = workload;
        this.enrollmentAccounts = enrollmentAccounts;
    }

    RequestSpec spec(LoadType type) {
        return RequestSpec.of(type.name(), trxInfo(type));
    }

    /** The plain trxInfo of a new request of {@code type}; JWE members are objects the client library encrypts. */
    TrxInfo trxInfo(LoadType type) {
        return switch (type) {
            case CARD_ENROLLMENT -> enrollmentTrxInfo(RandomIds.deviceId(), RandomIds.userId(),
                    enrollmentAccounts.accountNo(ThreadLocalRandom.current().nextInt(enrollmentAccounts.count())));
            case CVM_INQUIRY -> TrxInfo.EMPTY;
            case CARD_STATUS_INQUIRY, CARD_BALANCE_INQUIRY -> {
                TokenPool.Enrolled t = token(type);
                yield SampleMessages.statusInquiry(t.deviceId(), t.userId(), t.token());
            }
            case BILL_PAYMENT -> {
                TokenPool.Enrolled t = token(type);
                yield SampleMessages.billPayment(t.deviceId(), t.userId(), t.token(), Workload.amount(),
                        workload.currency(), workload.billerMid());
            }
            case CREDIT_TRANSACTION -> {
                TokenPool.Enrolled t = token(type);
                yield SampleMessages.creditTransaction(t.deviceId(), t.userId(), t.token(), Workload.amount(),
                        workload.currency(), workload.agentMid());
            }
            case GET_CASH_OUT_TOKEN -> {
                TokenPool.Enrolled t = token(type);
                yield SampleMessages.cashOutToken(t.deviceId(), t.userId(), t.token(), Workload.amount(),
                        workload.currency());
            }
            case MPQRC_PAYMENT_EMV -> merchantQr.payment(token(type));
            case CPQRC_PAYMENT, CPQRC_PAYMENT_CVM -> throw new IllegalArgumentException(type
                    + " is an operation of two requests (CpqrcFlow), not one request");
            case P2P_TRANSFER -> {
                if (!tokens.hasPayees()) {
                    throw new IllegalStateException("P2P_TRANSFER needs warm-up tokens on two accounts at least");
                }
                TokenPool.Transfer t = tokens.nextTransfer();
                TokenPool.Enrolled payer = t.payer();
                yield SampleMessages.p2pTransfer(payer.deviceId(), payer.userId(), payer.token(),
                        SampleMessages.payeeAccount(t.payeeAccountNo()), Workload.amount(), workload.currency());
            }
        };
    }

    /** A CARD_ENROLLMENT of {@code accountNo} for a new wallet user on a new device. */
    Enrollment enrollment(String accountNo) {
        String deviceId = RandomIds.deviceId();
        String userId = RandomIds.userId();
        return new Enrollment(deviceId, userId, accountNo, RequestSpec.of(LoadType.CARD_ENROLLMENT.name(),
                enrollmentTrxInfo(deviceId, userId, accountNo)));
    }

    /** CARD_STATUS_MANAGEMENT DELETE of a warm-up token. */
    static RequestSpec deletion(TokenPool.Enrolled t) {
        return RequestSpec.of(DELETION_TYPE, deletionTrxInfo(t));
    }

    static TrxInfo deletionTrxInfo(TokenPool.Enrolled t) {
        return SampleMessages.tokenAction(t.deviceId(), t.userId(), t.token(), "DELETE");
    }

    private static TrxInfo enrollmentTrxInfo(String deviceId, String userId, String accountNo) {
        return SampleMessages.enrollmentRequest(deviceId, userId, SampleMessages.accountCvmInfo(accountNo));
    }

    private TokenPool.Enrolled token(LoadType type) {
        if (tokens.isEmpty()) {
            throw new IllegalStateException(type + " needs enrolled tokens, and the warm-up created none");
        }
        return tokens.next();
    }
}
