package org.openscis.router.port;

/**
 * The messages the switch sends to an issuer's core banking system (decisions.md §1, protocol.md §3.25). The wire
 * msgType is the constant's name; the default path is {@code /cbs/} + the name in lower case.
 */
public enum CbsOperation {
    KYC_VERIFICATION,
    OPEN_ACCOUNT,
    DEBIT_TRANSACTION,
    CREDIT_TRANSACTION,
    P2P_TRANSFER,
    GET_CASH_OUT_TOKEN,
    ACCOUNT_BALANCE_INQUIRY,
    REVERSAL,
    TRANSACTION_INQUIRY;

    /** True for the operations that move or hold money: these need a durable record and exactly-once handling. */
    public boolean movesMoney() {
        return this == DEBIT_TRANSACTION || this == CREDIT_TRANSACTION || this == P2P_TRANSFER
                || this == GET_CASH_OUT_TOKEN;
    }
}
