package org.openscis.server.faults;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.AccountKind;
import org.openscis.connector.sim.bank.AccountView;
import org.openscis.connector.sim.bank.Ledger;

/** Opens the run's wallets before any fault is switched on. */
final class Onboarding {

    /** Seeded CBS accounts enrolled as wallets are drawn from 100000000001 up to this. */
    private static final int ENROLLABLE_ACCOUNTS = 400;
    private static final String PRODUCT = "1003";
    private static final int TRIES = 6;
    /** A few at a time: a cold switch on a busy machine times its first CBS calls out; 20 in a row open the circuit. */
    private static final int CONCURRENCY = 4;
    private static final long PAUSE_MILLIS = 1_500;

    private final FaultySwitch sw;
    private final RetryingGateway gateway;
    private final long seed;
    private final PrintStream out;

    Onboarding(FaultySwitch sw, RetryingGateway gateway, long seed, PrintStream out) {
        this.sw = sw;
        this.gateway = gateway;
        this.seed = seed;
        this.out = out;
    }

    /**
     * {@code enrolled} wallets by CARD_ENROLLMENT of seeded accounts drawn with {@code random}, and {@code opened} by
     * KYC_VERIFICATION + OPEN_ACCOUNT; an opening that failed leaves no wallet.
     */
    List<Wallet> wallets(int enrolled, int opened, SplittableRandom random) {
        List<Integer> pool = new ArrayList<>();
        for (int i = 1; i <= ENROLLABLE_ACCOUNTS; i++) {
            pool.add(i);
        }
        for (int i = pool.size() - 1; i > 0; i--) {
            Collections.swap(pool, i, random.nextInt(i + 1));
        }
        List<CompletableFuture<Wallet>> pending = new ArrayList<>();
        Semaphore permits = new Semaphore(CONCURRENCY);
        for (int i = 0; i < enrolled + opened; i++) {
            permits.acquireUninterruptibly();
            CompletableFuture<Wallet> w = i < enrolled
                    ? enroll(i, String.format("1%011d", pool.get(i))) : open(i);
            pending.add(w.whenComplete((x, e) -> permits.release()));
        }
        // an OPEN_ACCOUNT that failed (its CBS call timed out) leaves no wallet: its account may exist or not
        List<Wallet> wallets = pending.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
        // the CBS chose the new accounts' numbers: find them by the unique last names the KYC gave
        Map<String, List<String>> accountsByLastName = new HashMap<>();
        Ledger ledger = sw.ledger();
        for (String no : ledger.accountsOfKind(AccountKind.CUSTOMER)) {
            if (!no.startsWith("1000000")) {
                ledger.account(no).map(AccountView::lastName).ifPresent(n -> accountsByLastName
                        .computeIfAbsent(n, k -> new ArrayList<>()).add(no));
            }
        }
        List<Wallet> ready = new ArrayList<>();
        for (Wallet w : wallets) {
            if (!w.opened()) {
                ready.add(w);
                continue;
            }
            List<String> accounts = accountsByLastName.getOrDefault(lastName(w.index()), List.of());
            if (accounts.size() == 1) {
                ready.add(new Wallet(w.index(), accounts.get(0), w.token(), w.deviceId(), w.userId(), true));
            }
        }
        out.printf(Locale.ROOT, "MoneyFaultInjection: %d wallets (%d opened by KYC)%n", ready.size(),
                ready.stream().filter(Wallet::opened).count());
        return ready;
    }

    private CompletableFuture<Wallet> enroll(int index, String accountNo) {
        String device = "fault-device-" + index;
        String user = "fault-user-" + index;
        TrxInfo trx = sw.client().encryptSensitiveFields(TrxInfo.builder().put("deviceID", device)
                .put("userID", user).put("prdNo", PRODUCT)
                .put("cvmInfo", TrxInfo.builder().put("accountNo", accountNo).put("firstName", "Fault")
                        .put("lastName", "Enrolled").build())
                .build());
        return onboardingStep("CARD_ENROLLMENT", trx)
                .thenApply(a -> new Wallet(index, accountNo, a.trxInfo().string("token"), device, user, false));
    }

    private CompletableFuture<Wallet> open(int index) {
        String device = "fault-device-" + index;
        String user = "fault-user-" + index;
        String[] kycMsgId = new String[1];
        TrxInfo kyc = sw.client().encryptSensitiveFields(TrxInfo.builder().put("deviceID", device).put("userID", user)
                .put("cvmInfo", TrxInfo.builder().put("firstName", "Fault").put("lastName", lastName(index))
                        .put("idType", "ID card").put("idNo", "F" + seed + "X" + index)
                        .put("idCountry", "344").build())
                .build());
        return onboardingStep("KYC_VERIFICATION", () -> kycMsgId[0] = sw.client().newMsgId(), kyc, TRIES)
                .thenCompose(k -> onboardingStep("OPEN_ACCOUNT", TrxInfo.builder().put("deviceID", device)
                        .put("userID", user).put("origMsgID", kycMsgId[0])
                        .put("origReferNo", k.trxInfo().string("referNo")).build(), 1))
                .handle((a, e) -> e != null ? null : new Wallet(index, null, a.trxInfo().string("token"), device,
                        user, true));
    }

    private CompletableFuture<Attempt> onboardingStep(String type, TrxInfo trx) {
        return onboardingStep(type, trx, TRIES);
    }

    private CompletableFuture<Attempt> onboardingStep(String type, TrxInfo trx, int tries) {
        return onboardingStep(type, () -> sw.client().newMsgId(), trx, tries);
    }

    /**
     * One onboarding message; a refusal (a CBS call that timed out on a busy machine: 91) is tried again under a new
     * msgID, since its refusal is the stored answer of the old one.
     */
    private CompletableFuture<Attempt> onboardingStep(String type, Supplier<String> msgIds,
            TrxInfo trx, int tries) {
        return gateway.send(type, msgIds.get(), trx, null).thenCompose(a -> {
            if ("00".equals(a.code())) {
                return CompletableFuture.completedFuture(a);
            }
            if (tries <= 1) {
                throw new IllegalStateException(type + " answered " + a.code() + " during onboarding");
            }
            // the circuit may be open (91): give the link a moment before the next try
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(PAUSE_MILLIS, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> onboardingStep(type, msgIds, trx, tries - 1));
        });
    }

    /** A last name per opened wallet, letters only, unique in the run. */
    private static String lastName(int index) {
        StringBuilder sb = new StringBuilder("Opened");
        int i = index;
        do {
            sb.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return sb.toString();
    }
}
