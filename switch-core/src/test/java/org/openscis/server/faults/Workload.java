package org.openscis.server.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded mix of money requests: bill payments (some with a fee), agent top-ups, transfers between wallets (by
 * account number or token) and to accounts no wallet holds, and cash-out tokens. Amounts are small next to the
 * wallets' balances, so most requests can be approved and the ones that cannot meet 51 from the CBS.
 */
final class Workload {

    /** Percent of each kind, in {@link MoneyKind} order. */
    private static final int[] MIX = {30, 20, 35, 15};
    private static final long MAX_PAYMENT_MINOR = 4_000;
    private static final long MAX_TOP_UP_MINOR = 8_000;
    private static final long FEE_MINOR = 50;

    private Workload() {}

    /**
     * @param outsideAccounts seeded CBS accounts that no wallet holds (P2P payees whose bank is told, not the App
     *                        Gateway)
     * @param msgIdPrefix     {@code A} + insID + a timestamp; the operation's index completes the msgID
     */
    static List<Operation> plan(SplittableRandom random, List<Wallet> wallets, List<String> outsideAccounts, int n,
            String msgIdPrefix, String referPrefix) {
        List<Operation> ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MoneyKind kind = kind(random.nextInt(100));
            Wallet wallet = wallets.get(random.nextInt(wallets.size()));
            String msgId = msgIdPrefix + String.format("%06d", i);
            String referNo = kind == MoneyKind.GET_CASH_OUT_TOKEN ? null : referPrefix + i;
            ops.add(switch (kind) {
                case BILL_PAYMENT -> new Operation(i, kind, wallet, null, null, false,
                        1 + random.nextLong(MAX_PAYMENT_MINOR), random.nextInt(3) == 0 ? FEE_MINOR : 0, msgId, referNo);
                case CREDIT_TRANSACTION -> new Operation(i, kind, wallet, null, null, false,
                        1 + random.nextLong(MAX_TOP_UP_MINOR), 0, msgId, referNo);
                case GET_CASH_OUT_TOKEN -> new Operation(i, kind, wallet, null, null, false,
                        1 + random.nextLong(MAX_PAYMENT_MINOR), 0, msgId, referNo);
                case P2P_TRANSFER -> transfer(random, i, wallet, wallets, outsideAccounts, msgId, referNo);
            });
        }
        return ops;
    }

    private static Operation transfer(SplittableRandom random, int i, Wallet payer, List<Wallet> wallets,
            List<String> outside, String msgId, String referNo) {
        long amount = 1 + random.nextLong(MAX_PAYMENT_MINOR);
        if (random.nextInt(5) == 0) {
            return new Operation(i, MoneyKind.P2P_TRANSFER, payer, null, outside.get(random.nextInt(outside.size())),
                    false, amount, 0, msgId, referNo);
        }
        Wallet payee = wallets.get(random.nextInt(wallets.size()));
        while (payee.index() == payer.index()) {
            payee = wallets.get(random.nextInt(wallets.size()));
        }
        return new Operation(i, MoneyKind.P2P_TRANSFER, payer, payee, payee.accountNo(), random.nextBoolean(), amount,
                0, msgId, referNo);
    }

    private static MoneyKind kind(int percent) {
        int bound = 0;
        for (MoneyKind k : MoneyKind.values()) {
            bound += MIX[k.ordinal()];
            if (percent < bound) {
                return k;
            }
        }
        throw new IllegalStateException("mix does not add up to 100");
    }
}
