package org.openscis.bench.load;

import java.util.concurrent.ThreadLocalRandom;

/**
 * What the generated requests name at the issuer: accounts that exist at its CBS (enrolments and P2P payees),
 * the biller and the agent, and the currency of the card product. Amounts are small (0.01 to
 * {@value #MAX_AMOUNT_MINOR} minor units) so that the accounts do not run dry during a long series of runs: a
 * seeded account of 1,000.00 pays thousands of them.
 *
 * @param accounts  the CBS's existing accounts; the warm-up enrols the first ones
 * @param billerMid BILL_PAYMENT's merchantInfo.mid (role BILLER at the switch)
 * @param agentMid  CREDIT_TRANSACTION's merchantInfo.mid (role AGENT at the switch)
 * @param currency  trxCurrency: the card product's currency (ISO 4217 numeric, two decimals assumed)
 */
public record Workload(AccountRange accounts, String billerMid, String agentMid, String currency) {

    public static final int MAX_AMOUNT_MINOR = 50;
    private static final int MINOR_PER_MAJOR = 100;

    /** A random amount from 0.01 to 0.50, written with two decimals as the App Gateway sends it. */
    public static String amount() {
        return amount(ThreadLocalRandom.current().nextInt(1, MAX_AMOUNT_MINOR + 1));
    }

    static String amount(int minor) {
        int cents = minor % MINOR_PER_MAJOR;
        return minor / MINOR_PER_MAJOR + "." + (cents < 10 ? "0" : "") + cents;
    }
}
