package org.openscis.server.faults;

import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.AccountKind;

/**
 * One seeded run: boot the switch, open and enrol wallets, switch the CBS faults on, send the planned money requests
 * with bounded concurrency while stopping and restarting the switch at seeded points, switch the faults off, wait
 * until the resolver and the callback dispatcher have settled everything, ask once more for what is still not final,
 * then audit ({@link MoneyAudit}). Every random choice comes from the seed; thread timing does not, so a replay meets
 * the same faults in nearly, not exactly, the same places.
 */
final class FaultRun {

    /**
     * @param restarts      how many times the switch is stopped mid-flight and started again
     * @param settleTimeout how long the resolver and the callbacks may take once the faults are off
     */
    record Settings(long seed, int operations, int concurrency, int enrolledWallets, int openedWallets, int restarts,
            boolean postgres, Duration settleTimeout) {}

    /** What a run found, and a summary of what it did. */
    record Report(long seed, List<String> violations, String summary) {}

    static final int MAX_ATTEMPTS = 8;
    /** Attempts at a request still not final once everything settled. */
    static final int FINAL_ATTEMPTS = 3;
    /** Seeded accounts no wallet holds, credited by transfers. */
    private static final List<String> OUTSIDE_ACCOUNTS = List.of("100000000451", "100000000452", "100000000453",
            "100000000454", "100000000455");
    private static final DateTimeFormatter MSG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Settings settings;
    private final SplittableRandom random;
    private final PrintStream out = System.out;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    /** Wall and process CPU time of each phase, for the summary. */
    private final List<String> phases = new ArrayList<>();
    /** Each request's trxInfo as first sent (encrypted fields included), by index. */
    private final Map<Integer, TrxInfo> wireForms = new ConcurrentHashMap<>();
    private FaultySwitch sw;
    private RetryingGateway gateway;
    private final double cpuAtStart = processCpuSeconds();
    private double cpuMarked = cpuAtStart;
    private String insId;

    private FaultRun(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    static Report run(Settings settings) throws Exception {
        return new FaultRun(settings).execute();
    }

    private Report execute() throws Exception {
        long seed = settings.seed();
        out.printf(Locale.ROOT, "MoneyFaultInjection: seed %d (replay with -Dopenscis.faults.seed=%d), %d requests, "
                + "%d restarts, %s%n", seed, seed, settings.operations(), settings.restarts(),
                settings.postgres() ? "PostgreSQL" : "H2");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, daemon("faults-gateway"));
        ExecutorService restarter = Executors.newSingleThreadExecutor(daemon("faults-restart"));
        long start = System.nanoTime();
        try (FaultySwitch s = FaultySwitch.start(seed, settings.postgres())) {
            sw = s;
            insId = sw.client().identity().insID();
            gateway = new RetryingGateway(sw, executor, MAX_ATTEMPTS);
            mark("boot", start);

            long t = System.nanoTime();
            List<Wallet> wallets = new Onboarding(sw, gateway, seed, out).wallets(settings.enrolledWallets(),
                    settings.openedWallets(), random.split());
            String biller = Operation.BILLER;
            String agent = Operation.AGENT;
            String fee = sw.ledger().accountsOfKind(AccountKind.FEE).get(0);
            Set<String> tracked = new LinkedHashSet<>();
            wallets.forEach(w -> tracked.add(w.accountNo()));
            tracked.addAll(OUTSIDE_ACCOUNTS);
            tracked.addAll(List.of(biller, agent, fee));
            Balances before = Balances.read(sw.ledger(), tracked);
            mark("onboarding", t);

            t = System.nanoTime();
            String stamp = LocalDateTime.now().format(MSG_TIME);
            List<Operation> plan = Workload.plan(random.split(), wallets, OUTSIDE_ACCOUNTS, settings.operations(),
                    "A" + insId + stamp, "FR" + Long.toString(seed & 0xffffffL, 36) + "-");
            sw.faults(FaultSchedule.rules(random.split()));
            List<RequestLog> logs = drive(plan, executor, restarter);
            long picked = sw.faultsPicked();
            sw.faults(List.of());
            mark("load", t);

            t = System.nanoTime();
            settle();
            mark("settle", t);

            t = System.nanoTime();
            askAgain(logs, executor);
            Map<Integer, String> referNos = referNos(logs);
            mark("final questions", t);

            Map<String, SwitchRecord> records = SwitchRecord.load(sw);
            Map<String, Operation> opsByMsgId = new HashMap<>();
            plan.forEach(op -> opsByMsgId.put(op.msgId(), op));
            MoneyAudit audit = new MoneyAudit(records, sw.ledger());
            audit.ledgerSound();
            audit.everyRecordFinal();
            audit.noStrayRecords(logs);
            audit.answers(logs);
            audit.cbsMovements(opsByMsgId);
            audit.balances(before, Balances.read(sw.ledger(), tracked), opsByMsgId, biller, agent, fee);
            audit.notifications(logs, referNos, sw.receiver().received("TRX_RESULT_NOTIFICATION"));
            long undelivered = sw.count("SELECT COUNT(*) FROM outbox WHERE state <> 'DELIVERED'");
            if (undelivered > 0) {
                problems.add(undelivered + " callbacks not delivered (PENDING or PARKED) at the end");
            }
            List<String> violations = new ArrayList<>(problems);
            violations.addAll(audit.violations());
            String summary = summary(logs, records, picked, start);
            out.println(summary);
            return new Report(seed, violations, summary);
        } finally {
            restarter.shutdownNow();
            executor.shutdownNow();
        }
    }

    // ---- the load

    private List<RequestLog> drive(List<Operation> plan, ScheduledThreadPoolExecutor executor,
            ExecutorService restarter) throws InterruptedException {
        for (Operation op : plan) {
            // encrypted once: a retry must carry the same bytes, or its fingerprint differs (94)
            wireForms.put(op.index(), sw.client().encryptSensitiveFields(op.trxInfo()));
        }
        int[] stops = stopPoints(plan.size());
        out.printf(Locale.ROOT, "MoneyFaultInjection: stopping the switch before requests %s%n",
                Arrays.toString(stops));
        Semaphore permits = new Semaphore(settings.concurrency());
        List<RequestLog> logs = new ArrayList<>(plan.size());
        List<CompletableFuture<Attempt>> running = new ArrayList<>(plan.size());
        CompletableFuture<Void> restarting = CompletableFuture.completedFuture(null);
        int nextStop = 0;
        // the stops alternate between a crash (storage cut first) and an orderly close, starting at random
        boolean crashFirst = random.split().nextBoolean();
        for (Operation op : plan) {
            if (nextStop < stops.length && op.index() == stops[nextStop]) {
                restarting.join();
                boolean crash = crashFirst == (nextStop % 2 == 0);
                restarting = CompletableFuture.runAsync(() -> restart(crash), restarter);
                nextStop++;
            }
            permits.acquire();
            RequestLog log = new RequestLog(op);
            logs.add(log);
            running.add(gateway.send(op.kind().name(), op.msgId(), wireForms.get(op.index()), log)
                    .whenComplete((a, e) -> permits.release()));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        restarting.join();
        return logs;
    }

    /** Where the switch is stopped: spread over the middle of the run, at least a tenth of it apart. */
    private int[] stopPoints(int n) {
        SplittableRandom r = random.split();
        int[] stops = new int[settings.restarts()];
        int span = Math.max(1, n * 2 / 3 / Math.max(1, settings.restarts()));
        for (int i = 0; i < stops.length; i++) {
            int from = n / 6 + i * span;
            stops[i] = Math.min(n - 1, from + r.nextInt(Math.max(1, span - n / 10)));
        }
        return stops;
    }

    private void restart(boolean crash) {
        long t = System.nanoTime();
        try {
            Map<String, Long> open = sw.restart(crash);
            out.printf(Locale.ROOT, "MoneyFaultInjection: switch %s and restarted (incarnation %d) in %d ms; open "
                    + "transactions found: %s%n", crash ? "crashed" : "closed", sw.incarnations(),
                    (System.nanoTime() - t) / 1_000_000, open);
        } catch (Exception e) {
            problems.add("restart failed: " + e);
            throw new IllegalStateException(e);
        }
    }

    // ---- settling and the last questions

    private void settle() throws Exception {
        try {
            await().atMost(settings.settleTimeout()).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> open() == 0 && sw.count("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'") == 0);
        } catch (ConditionTimeoutException e) {
            problems.add("not settled within " + settings.settleTimeout() + ": " + open() + " open transactions, "
                    + sw.count("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'") + " pending callbacks");
        }
    }

    private long open() throws Exception {
        return sw.count("SELECT COUNT(*) FROM money_transactions WHERE state NOT IN ('APPROVED', 'DECLINED', "
                + "'RESOLVED_APPROVED', 'RESOLVED_DECLINED', 'REFUNDED', 'CANCELLED')");
    }

    /** An App Gateway that never got a final answer asks again, with the same msgID and the same trxInfo. */
    private void askAgain(List<RequestLog> logs, ScheduledThreadPoolExecutor executor) {
        RetryingGateway last = new RetryingGateway(sw, executor, FINAL_ATTEMPTS);
        Semaphore permits = new Semaphore(settings.concurrency());
        List<CompletableFuture<Attempt>> running = new ArrayList<>();
        for (RequestLog log : logs) {
            if (log.finalAnswer() != null) {
                continue;
            }
            permits.acquireUninterruptibly();
            running.add(last.send(log.op.kind().name(), log.op.msgId(), wireForms.get(log.op.index()), log)
                    .whenComplete((a, e) -> permits.release()));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The referNo each request's notifications carry: the requester's own, or for a cash-out token the switch's,
     * from its approval or, for one answered 04, from a TRX_RESULT_INQUIRY.
     */
    private Map<Integer, String> referNos(List<RequestLog> logs) {
        Map<Integer, String> referNos = new ConcurrentHashMap<>();
        List<CompletableFuture<Attempt>> running = new ArrayList<>();
        AtomicInteger seq = new AtomicInteger(500_000);
        String stamp = LocalDateTime.now().format(MSG_TIME);
        for (RequestLog log : logs) {
            Operation op = log.op;
            if (op.referNo() != null) {
                referNos.put(op.index(), op.referNo());
                continue;
            }
            Attempt fin = log.finalAnswer();
            if (fin != null && "00".equals(fin.code()) && fin.trxInfo() != null) {
                referNos.put(op.index(), fin.trxInfo().string("referNo"));
                continue;
            }
            if (!log.sawPending()) {
                continue;
            }
            TrxInfo inquiry = TrxInfo.builder().put("deviceID", op.wallet().deviceId())
                    .put("userID", op.wallet().userId()).put("token", op.wallet().token())
                    .put("origMsgID", op.msgId()).put("origMsgType", op.kind().name()).put("trxAmt", op.trxAmt())
                    .put("trxCurrency", Operation.HKD.numeric()).build();
            String msgId = "A" + insId + stamp + String.format("%06d", seq.getAndIncrement());
            running.add(gateway.send("TRX_RESULT_INQUIRY", msgId, inquiry, null).thenApply(a -> {
                if ("00".equals(a.code()) && a.trxInfo() != null && a.trxInfo().string("referNo") != null) {
                    referNos.put(op.index(), a.trxInfo().string("referNo"));
                } else {
                    problems.add(log + ": TRX_RESULT_INQUIRY answered " + a.code());
                }
                return a;
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return referNos;
    }

    // ---- reporting

    private String summary(List<RequestLog> logs, Map<String, SwitchRecord> records, long picked, long start) {
        Map<MoneyKind, Map<String, Integer>> outcomes = new EnumMap<>(MoneyKind.class);
        int attempts = 0;
        int pending = 0;
        for (RequestLog log : logs) {
            attempts += log.attempts().size();
            pending += log.sawPending() ? 1 : 0;
            SwitchRecord rec = records.get(log.op.msgId());
            String outcome = rec == null ? "no record " + codeOf(log) : rec.state() + " " + rec.responseCode();
            outcomes.computeIfAbsent(log.op.kind(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "MoneyFaultInjection: seed %d, %d requests in %d attempts, %d answered "
                + "04 at least once, %d CBS messages met a fault, %d switch incarnations, %d notifications received, "
                + "%.1f s (CPU %.1f s)%n", settings.seed(), logs.size(), attempts, pending, picked,
                sw.incarnations(), sw.receiver().received("TRX_RESULT_NOTIFICATION").size(),
                (System.nanoTime() - start) / 1e9, processCpuSeconds() - cpuAtStart));
        phases.forEach(p -> sb.append("  ").append(p).append('\n'));
        outcomes.forEach((k, v) -> sb.append("  ").append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    private static double processCpuSeconds() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : -1;
    }

    private static String codeOf(RequestLog log) {
        Attempt a = log.finalAnswer();
        return a == null ? "(none)" : a.code();
    }

    private void mark(String phase, long startNanos) {
        double cpu = processCpuSeconds();
        phases.add(String.format(Locale.ROOT, "%-16s %6d ms, CPU %5.1f s", phase,
                (System.nanoTime() - startNanos) / 1_000_000, cpu - cpuMarked));
        cpuMarked = cpu;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
