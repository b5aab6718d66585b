package org.openscis.bench.load;

import org.openscis.bench.workload.SampleMessages;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.client.RequestSpec;

/**
 * Builds the request of each type. Enrolments carry a fresh account, device and user (the client library encrypts
 * {@code cvmInfo} to the switch); inquiries name a warm-up token with its device and user.
 */
final class RequestFactory {

    /** An enrolment request and the holder it creates a token for. */
    record Enrollment(String deviceId, String userId, RequestSpec spec) {}

    private final TokenPool tokens;

    RequestFactory(TokenPool tokens) {
        this.tokens = tokens;
    }

    RequestSpec spec(LoadType type) {
        return switch (type) {
            case CARD_ENROLLMENT -> enrollment().spec();
            case CARD_STATUS_INQUIRY, CARD_BALANCE_INQUIRY -> tokenRequest(type);
            case CVM_INQUIRY -> RequestSpec.of(type.name(), TrxInfo.EMPTY);
        };
    }

    Enrollment enrollment() {
        String deviceId = RandomIds.deviceId();
        String userId = RandomIds.userId();
        TrxInfo trx = SampleMessages.enrollmentRequest(deviceId, userId,
                SampleMessages.accountCvmInfo(RandomIds.accountNo()));
        return new Enrollment(deviceId, userId, RequestSpec.of(LoadType.CARD_ENROLLMENT.name(), trx));
    }

    private RequestSpec tokenRequest(LoadType type) {
        if (tokens.isEmpty()) {
            throw new IllegalStateException(type + " needs enrolled tokens, and the warm-up created none");
        }
        TokenPool.Enrolled t = tokens.next();
        return RequestSpec.of(type.name(), SampleMessages.statusInquiry(t.deviceId(), t.userId(), t.token()));
    }
}
