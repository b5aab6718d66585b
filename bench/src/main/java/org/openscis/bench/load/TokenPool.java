package org.openscis.bench.load;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens enrolled in the warm-up phase, handed out round robin to the token-based requests of the load phase.
 * Each knows its issuer account, so that a P2P_TRANSFER can pay the account of another warm-up token: money then
 * circulates between the warm-up accounts instead of draining them. Thread-safe.
 */
final class TokenPool {

    /** A token with the device and user it was enrolled for (requests must name the same) and its account. */
    record Enrolled(String deviceId, String userId, String token, String accountNo) {}

    /** A payer token and the account it pays (never the payer's own account: the switch answers 12 to that). */
    record Transfer(Enrolled payer, String payeeAccountNo) {}

    private final List<Enrolled> tokens;
    /** For each token, the index of the next token on another account, or -1 when all share one account. */
    private final int[] payee;
    private final AtomicLong next = new AtomicLong();

    TokenPool(List<Enrolled> tokens) {
        this.tokens = List.copyOf(tokens);
        this.payee = payees(this.tokens);
    }

    static TokenPool empty() {
        return new TokenPool(List.of());
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    int size() {
        return tokens.size();
    }

    List<Enrolled> all() {
        return tokens;
    }

    /** Whether P2P transfers are possible: at least two different accounts. */
    boolean hasPayees() {
        return payee.length > 0 && payee[0] >= 0;
    }

    /** The next token; only call on a non-empty pool. */
    Enrolled next() {
        return tokens.get(nextIndex());
    }

    /** The next token and the account of the next token after it on another account; only if {@link #hasPayees}. */
    Transfer nextTransfer() {
        int i = nextIndex();
        return new Transfer(tokens.get(i), tokens.get(payee[i]).accountNo());
    }

    private int nextIndex() {
        return (int) Math.floorMod(next.getAndIncrement(), (long) tokens.size());
    }

    /** Next index (cyclically) whose account differs; two backward passes over the doubled list, so O(n). */
    private static int[] payees(List<Enrolled> tokens) {
        int n = tokens.size();
        int[] out = new int[n];
        Arrays.fill(out, -1);
        for (int k = 2 * n - 2; k >= 0; k--) {
            int i = k % n;
            int j = (k + 1) % n;
            String mine = tokens.get(i).accountNo();
            String theirs = tokens.get(j).accountNo();
            if (theirs != null && !theirs.equals(mine)) {
                out[i] = j;
            } else if (out[j] >= 0 && out[j] != i) {
                out[i] = out[j];
            }
        }
        return out;
    }
}
