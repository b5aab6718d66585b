package org.openscis.server.faults;

/** The App Gateway money movements the test mixes, with the CBS postings an approval of each makes. */
enum MoneyKind {
    BILL_PAYMENT,
    CREDIT_TRANSACTION,
    P2P_TRANSFER,
    GET_CASH_OUT_TOKEN;

    /** Postings of an approved movement: customer and counterparty, plus the fee account when a fee is charged. */
    int postings(long feeMinor) {
        return switch (this) {
            case BILL_PAYMENT -> feeMinor > 0 ? 3 : 2;
            case CREDIT_TRANSACTION, P2P_TRANSFER -> 2;
            // a hold on the available balance, no posting until it is withdrawn
            case GET_CASH_OUT_TOKEN -> 0;
        };
    }
}
