package org.openscis.server.faults;

/**
 * A cardholder of the test: an account at the simulated CBS and the token the App Gateway enrolled for it.
 *
 * @param opened whether it was opened by KYC_VERIFICATION + OPEN_ACCOUNT (else CARD_ENROLLMENT of a seeded account)
 */
record Wallet(int index, String accountNo, String token, String deviceId, String userId, boolean opened) {

    @Override
    public String toString() {
        return "Wallet[" + index + (opened ? ", opened" : ", enrolled") + "]";
    }
}
