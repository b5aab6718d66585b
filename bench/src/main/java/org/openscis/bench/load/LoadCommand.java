package org.openscis.bench.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openscis.bench.workload.SampleMessages;
import org.openscis.codec.jose.CryptoProviders;
import org.openscis.codec.jose.JweProfile;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.ClientIdentity;
import org.openscis.server.client.ClientOptions;
import org.openscis.server.keys.ClientProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load}: warm-up enrolments of CBS accounts for tokens, a JIT warm-up at the target rate, the measured
 * open-loop phase (and, with {@code --versus}, a second mix in alternating rounds), deletion of the warm-up tokens,
 * then the crypto-only ceilings; prints progress every second and the Markdown report at the end, and writes the
 * report to {@code --out-dir}. Every loop is bounded by its duration; only loopback targets unless
 * {@code --allow-remote}.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drives a running switch at a constant open-loop rate as an App Gateway and reports "
                + "throughput, latency percentiles per message type (from the intended send time), response codes, "
                + "the switch's outbound links (CBS, callbacks) and the ratio to a crypto-only ceiling measured in "
                + "the same run; optionally a second mix side by side."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed (read the report for errors)", "2:invalid options",
                "3:the client profile is unreadable or the target is refused",
                "4:the warm-up enrolments created no token (or too few accounts for P2P_TRANSFER)"})
final class LoadCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_TARGET = 3;
    static final int EXIT_NO_TOKENS = 4;

    static final int MAX_RATE_PER_SECOND = 100_000;
    static final int MAX_DURATION_SECONDS = 3_600;
    static final int MAX_WARMUP_SECONDS = 600;
    static final int MAX_CONNECTIONS = 10_000;
    static final int MAX_SENDERS = 64;
    static final int MAX_TOKENS = 100_000;
    static final int MAX_TIMEOUT_SECONDS = 300;
    static final int MAX_CEILING_SECONDS = 300;
    static final int MAX_QUEUED_REQUESTS = 1_000_000;
    /** Enrolments in flight at once while creating tokens: enough to be quick, few enough to stay gentle. */
    static final int MAX_WARMUP_CONCURRENCY = 16;
    static final Duration CEILING_WARMUP = Duration.ofSeconds(2);
    /** Extra wait for the last responses beyond the request timeout. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    static final int MAX_PORT = 65_535;
    /** Each round is at least a second; more than this many only adds warm-up effects at round starts. */
    static final int MAX_ROUNDS = 60;
    static final long MILLIS_PER_SECOND = 1_000;
    /** How long the callback receiver waits for the switch's outbox to empty after the last phase. */
    static final Duration CALLBACK_DRAIN = Duration.ofSeconds(15);
    static final Duration CALLBACK_DRAIN_POLL = Duration.ofMillis(250);
    /** merchantInfo.mid as the switch accepts it (issue-3 configuration). */
    static final Pattern MID = Pattern.compile("[A-Za-z0-9 ]{1,15}");
    static final Pattern CURRENCY = Pattern.compile("[0-9]{3}");
    static final Pattern IIN = Pattern.compile("[0-9]{8}");
    /** A p99 send lag above this means the generator itself could not keep the rate. */
    static final double SEND_LAG_WARNING_MS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "DIR",
            description = "App Gateway client profile directory (profile.json + PEM files), e.g. the one "
                    + "`openscis serve` writes to <dataDir>/appgw-profile in development.")
    Path profile;

    @Option(names = "--url", paramLabel = "URL", description = "Switch base URL; default: the profile's baseUrl.")
    String url;

    @Option(names = "--rate", required = true, paramLabel = "N", description = "Requests per second, offered "
            + "open-loop (1.." + MAX_RATE_PER_SECOND + ").")
    int rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60",
            description = "Seconds of the measured phase (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10",
            description = "Seconds of load at the same rate before measuring, results discarded "
                    + "(default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--mix", paramLabel = "TYPE=W,...", defaultValue = "CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20",
            description = "Message types and weights (default ${DEFAULT-VALUE}). Types: CARD_STATUS_INQUIRY, "
                    + "CARD_BALANCE_INQUIRY, CARD_ENROLLMENT, CVM_INQUIRY, BILL_PAYMENT, P2P_TRANSFER, "
                    + "CREDIT_TRANSACTION, GET_CASH_OUT_TOKEN, MPQRC_PAYMENT_EMV, and the operations "
                    + "CPQRC_PAYMENT, CPQRC_PAYMENT_CVM (QRC_GENERATION then the acquirer's CPQRC_PAYMENT, at "
                    + "most or above the CVM limit; with --acquirer-profile, the _CVM one also --callback-port).")
    String mixText;

    @Option(names = "--versus", paramLabel = "TYPE=W,...",
            description = "A second mix measured right after the first at the same rate, on the same switch and "
                    + "tokens; the report puts the two side by side (e.g. the issue-2 inquiry mix).")
    String versusText;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Split each mix's measured --duration into N rounds; with --versus the mixes alternate "
                    + "round by round, so drifting background load on a shared machine hits both alike "
                    + "(default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "64",
            description = "Keep-alive connections; each carries one request at a time (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--senders", paramLabel = "N", description = "Threads that build and sign requests on "
            + "schedule (default: available processors).")
    Integer senders;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "100",
            description = "Warm-up enrolments of CBS accounts; the token-based requests use their tokens "
                    + "(default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--first-account", paramLabel = "NO", defaultValue = SampleMessages.FIRST_SEEDED_ACCOUNT,
            description = "First of the consecutive accounts that exist at the issuer's CBS (default "
                    + "${DEFAULT-VALUE}, the embedded CBS's seed). The warm-up enrols the first --tokens of them; "
                    + "CARD_ENROLLMENTs of the load phase the others.")
    String firstAccount;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "" + SampleMessages.SEEDED_ACCOUNTS,
            description = "How many accounts from --first-account exist (default ${DEFAULT-VALUE}).")
    int accountCount;

    @Option(names = "--biller", paramLabel = "MID", defaultValue = SampleMessages.BILLER_MID,
            description = "BILL_PAYMENT's biller (default ${DEFAULT-VALUE}).")
    String billerMid;

    @Option(names = "--agent", paramLabel = "MID", defaultValue = SampleMessages.AGENT_MID,
            description = "CREDIT_TRANSACTION's agent (default ${DEFAULT-VALUE}).")
    String agentMid;

    @Option(names = "--currency", paramLabel = "CCY", defaultValue = SampleMessages.CURRENCY_HKD,
            description = "trxCurrency of the money types, the card product's currency (default ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--acquirer-profile", paramLabel = "DIR",
            description = "The acquirer's client profile (the one `openscis serve` writes to "
                    + "<dataDir>/acquirer-profile for the demo acquirer); needed by CPQRC_PAYMENT and "
                    + "CPQRC_PAYMENT_CVM, whose payments the generator sends as that acquirer.")
    Path acquirerProfile;

    @Option(names = "--acquirer-fwd-iin", paramLabel = "IIN", defaultValue = "00010344",
            description = "CPQRC_PAYMENT's merchantInfo.fwdIIN (default ${DEFAULT-VALUE}); acquirerIIN is the "
                    + "acquirer profile's insID.")
    String acquirerFwdIin;

    @Option(names = "--remote-cbs", description = "The switch talks to a CBS elsewhere: leave the CBS's own "
            + "cryptography out of the crypto-only ceiling (default: the embedded CBS, in the switch's JVM).")
    boolean remoteCbs;

    @Option(names = "--callback-port", paramLabel = "PORT",
            description = "Receive the switch's callbacks on 127.0.0.1:PORT (verified, answered signed, counted); "
                    + "start the switch with OPENSCIS_APPGW_CALLBACK_URL=http://127.0.0.1:PORT/callback.")
    Integer callbackPort;

    @Option(names = "--admin-url", paramLabel = "URL",
            defaultValue = "http://127.0.0.1:${env:OPENSCIS_ADMIN_PORT:-8081}",
            description = "The switch's admin listener; its /metrics is scraped once a second during each measured "
                    + "phase (default ${DEFAULT-VALUE}).")
    String adminUrl;

    @Option(names = "--switch-pid", paramLabel = "PID",
            description = "The switch's process id on this machine: the report then gives the switch's CPU time per "
                    + "response (from /proc), the figure least moved by other work on a shared machine.")
    Long switchPid;

    @Option(names = "--no-metrics", description = "Do not scrape the switch's metrics.")
    boolean noMetrics;

    @Option(names = "--keep-tokens", description = "Do not delete the warm-up tokens at the end (by default they "
            + "are deleted, so that the next run starts from the same state).")
    boolean keepTokens;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "8",
            description = "Per-request timeout in seconds, queueing included (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "10000",
            description = "Requests allowed to wait for a free connection; beyond it a request fails at once as "
                    + "'client busy' (default ${DEFAULT-VALUE}).")
    int maxQueued;

    @Option(names = "--ceiling-seconds", paramLabel = "S", defaultValue = "10",
            description = "Seconds of the crypto-only ceiling loop after the load (default ${DEFAULT-VALUE}).")
    int ceilingSeconds;

    @Option(names = "--jwe-profile", paramLabel = "PROFILE", defaultValue = "RSA_OAEP_256_A128GCM",
            description = "JWE algorithms for cvmInfo and creditAccountInfo: ${COMPLETION-CANDIDATES} "
                    + "(default ${DEFAULT-VALUE}).")
    JweProfile jweProfile;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "${env:OPENSCIS_BENCH_RESULTS:-bench/results}",
            description = "Where the Markdown report goes (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--no-file", description = "Print the report only; write no file.")
    boolean noFile;

    @Option(names = "--allow-remote", description = "Allow a target that is not a loopback address.")
    boolean allowRemote;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> invalid = invalidOption();
        if (invalid.isPresent()) {
            err.println("error: " + invalid.get());
            return EXIT_USAGE;
        }
        MixParse parsed = Mix.parse(mixText);
        if (parsed instanceof MixParse.Invalid bad) {
            err.println("error: --mix: " + bad.reason());
            return EXIT_USAGE;
        }
        Mix mix = ((MixParse.Ok) parsed).mix();
        Mix versus = null;
        if (versusText != null) {
            MixParse parsedVersus = Mix.parse(versusText);
            if (parsedVersus instanceof MixParse.Invalid bad) {
                err.println("error: --versus: " + bad.reason());
                return EXIT_USAGE;
            }
            versus = ((MixParse.Ok) parsedVersus).mix();
        }
        List<Mix> chosen = versus == null ? List.of(mix) : List.of(mix, versus);
        Optional<String> qrProblem = consumerPresentedProblem(chosen, acquirerProfile != null, callbackPort != null);
        if (qrProblem.isPresent()) {
            err.println("error: " + qrProblem.get());
            return EXIT_USAGE;
        }
        AccountRange accounts = AccountRange.of(firstAccount, accountCount).orElse(null);
        if (accounts == null) {
            err.println("error: --first-account " + firstAccount + " with --accounts " + accountCount
                    + " is not a range of account numbers (" + AccountRange.MIN_DIGITS + " to "
                    + AccountRange.MAX_DIGITS + " digits, not starting with 0, the last of the same length)");
            return EXIT_USAGE;
        }
        Workload workload = new Workload(accounts, billerMid, agentMid, currency);
        String provider = CryptoProviders.install();
        ClientProfile clientProfile;
        try {
            clientProfile = ClientProfile.load(profile);
        } catch (IOException e) {
            err.println("error: client profile: " + e.getMessage());
            return EXIT_TARGET;
        }
        ClientProfile acquirerClientProfile = null;
        if (acquirerProfile != null) {
            try {
                acquirerClientProfile = ClientProfile.load(acquirerProfile);
            } catch (IOException e) {
                err.println("error: acquirer profile: " + e.getMessage());
                return EXIT_TARGET;
            }
        }
        String baseUrl = url != null ? url : clientProfile.baseUrl();
        Optional<String> refused = LoopbackGuard.problem(baseUrl, allowRemote);
        if (refused.isEmpty() && !noMetrics) {
            refused = LoopbackGuard.problem(adminUrl, allowRemote).map(p -> "--admin-url: " + p);
        }
        if (refused.isPresent()) {
            err.println("error: " + refused.get());
            return EXIT_TARGET;
        }
        int senderThreads = senders != null ? senders : Runtime.getRuntime().availableProcessors();
        Instant startedAt = Instant.now();
        double loadAverageAtStart = CpuMeter.loadAverage();
        out.printf("openscis-bench load: %s%s at %d req/s against %s, %d connections, %d senders; crypto: %s%n",
                mix.text(), versus == null ? "" : " then " + versus.text(), rate, baseUrl, connections,
                senderThreads, provider);
        out.flush();

        ClientOptions options;
        try {
            options = ClientOptions.builder(baseUrl)
                    .maxConnections(connections)
                    .maxQueuedRequests(maxQueued)
                    .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                    .jweProfile(jweProfile)
                    .build();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        }
        ClientIdentity identity = identity(clientProfile);
        CallbackCounter callbacks = null;
        if (callbackPort != null) {
            try {
                callbacks = CallbackCounter.listen(identity, callbackPort);
            } catch (RuntimeException e) {
                err.println("error: cannot receive callbacks on 127.0.0.1:" + callbackPort + ": " + e);
                return EXIT_TARGET;
            }
            out.println("receiving callbacks at " + callbacks.url() + " (the switch's participant callbackUrl "
                    + "must point there)");
        }
        MetricsScraper scraper = noMetrics ? null : new MetricsScraper(adminUrl);
        List<Mix> mixes = versus == null ? List.of(mix) : List.of(mix, versus);
        TokenPool pool = TokenPool.empty();
        List<MixRun> runs = new ArrayList<>();
        String cleanUp = null;
        try (AppGatewayClient client = new AppGatewayClient(options, identity);
                AppGatewayClient acquirer = acquirerClientProfile == null ? null
                        : new AppGatewayClient(options, identity(acquirerClientProfile))) {
            AccountRange enrollmentAccounts = accounts;
            if (mixes.stream().anyMatch(Mix::needsTokens)) {
                TokenWarmUp.Result warm = new TokenWarmUp(client,
                        new RequestFactory(TokenPool.empty(), workload, accounts), accounts)
                        .enroll(tokens, Math.min(connections, MAX_WARMUP_CONCURRENCY), batchDeadline(), out);
                pool = warm.pool();
                if (pool.isEmpty()) {
                    err.println("error: no enrolment was approved, so there are no tokens for " + mix.text()
                            + "; outcomes " + warm.outcomes() + ". Is the switch running at " + baseUrl
                            + ", with product " + SampleMessages.PRD_NO + " allowing CARD_ENROLLMENT, and do "
                            + "the accounts " + accounts.text() + " exist at its CBS?");
                    return EXIT_NO_TOKENS;
                }
                enrollmentAccounts = accounts.from(Math.min(tokens, accounts.count()));
            }
            if (mixes.stream().anyMatch(m -> m.contains(LoadType.P2P_TRANSFER)) && !pool.hasPayees()) {
                err.println("error: P2P_TRANSFER needs warm-up tokens on two different accounts; raise --tokens "
                        + "or --accounts");
                return EXIT_NO_TOKENS;
            }
            RequestFactory requests = new RequestFactory(pool, workload, enrollmentAccounts);
            CpqrcFlow cpqrc = acquirer == null ? null : new CpqrcFlow(client, acquirer, pool,
                    new CpqrcRequests(acquirerClientProfile.insId(), acquirerFwdIin, currency));
            if (cpqrc != null && callbacks != null) {
                callbacks.alsoNotify(cpqrc::onCallback);
            }
            List<MixTally> tallies = new ArrayList<>();
            for (Mix m : mixes) {
                tallies.add(new MixTally(m, new OpenLoopRunner(client, requests, cpqrc, m, rate, senderThreads,
                        Duration.ofSeconds(timeoutSeconds).plus(DRAIN_GRACE)), scraper, callbacks,
                        switchPid == null ? -1 : switchPid));
            }
            Duration round = Duration.ofMillis(durationSeconds * MILLIS_PER_SECOND / rounds);
            for (int r = 1; r <= rounds; r++) {
                for (MixTally t : tallies) {
                    t.round(Duration.ofSeconds(warmupSeconds), round, "load " + t.mix().text()
                            + (rounds > 1 ? " (round " + r + "/" + rounds + ")" : ""), out);
                }
            }
            for (MixTally t : tallies) {
                runs.add(t.result());
            }
            if (!pool.isEmpty() && !keepTokens) {
                cleanUp = TokenCleanUp.delete(client, pool, Math.min(connections, MAX_WARMUP_CONCURRENCY),
                        batchDeadline(), out).text();
            }
            if (callbacks != null && scraper != null) {
                drainCallbacks(scraper, out);
            }
        } finally {
            if (callbacks != null) {
                callbacks.close();
            }
        }

        out.printf("crypto-only ceiling: %d threads for %d s per mix ...%n",
                Runtime.getRuntime().availableProcessors(), ceilingSeconds);
        out.flush();
        CryptoCeiling ceiling = CryptoCeiling.matching(clientProfile.signingKey(),
                clientProfile.switchSigningPublicKey(), clientProfile.switchEncryptionPublicKey(),
                clientProfile.encryptionKey(), jweProfile, !remoteCbs);
        List<CeilingResult> ceilings = ceiling.measure(mixes, Runtime.getRuntime().availableProcessors(),
                CEILING_WARMUP, Duration.ofSeconds(ceilingSeconds), Math.min(rounds, ceilingSeconds));
        List<MixRun> measured = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            measured.add(runs.get(i).withCeiling(ceilings.get(i)));
        }

        RunSettings settings = new RunSettings(baseUrl, mix, versus, rate, durationSeconds, warmupSeconds, rounds,
                connections, senderThreads, tokens, jweProfile.name(), accounts.text(), !remoteCbs,
                callbacks == null ? null : callbacks.url(), scraper == null ? null : scraper.uri().toString());
        MixRun main = measured.get(0);
        MixRun second = measured.size() > 1 ? measured.get(1) : null;
        LoadReport report = new LoadReport(startedAt, settings, MachineInfo.current(), loadAverageAtStart,
                pool.size(), main, second, cleanUp, notes(measured, provider, callbacks != null));
        out.println();
        out.print(ReportWriter.markdown(report));
        if (!noFile) {
            try {
                out.println("report written to " + ReportWriter.write(report, outDir));
            } catch (IOException e) {
                err.println("error: the report could not be written to " + outDir + ": " + e.getMessage());
            }
        }
        out.flush();
        return EXIT_OK;
    }

    /**
     * Keeps the callback receiver open until the switch's outbox is empty (at most {@link #CALLBACK_DRAIN}): a
     * callback that fails because the receiver closed is retried with a growing backoff, and would land in the
     * next run against the same switch.
     */
    private static void drainCallbacks(MetricsScraper scraper, PrintWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + CALLBACK_DRAIN.toNanos();
        double pending = -1;
        while (System.nanoTime() - deadline < 0) {
            if (!(scraper.scrape() instanceof MetricsScraper.Scrape.Ok ok)) {
                return;
            }
            pending = ok.samples().getOrDefault(PrometheusText.Series.of(SwitchSampler.CALLBACKS_PENDING), 0.0);
            if (pending <= 0) {
                return;
            }
            Thread.sleep(CALLBACK_DRAIN_POLL.toMillis());
        }
        out.printf(Locale.ROOT, "callbacks: %.0f still pending at the switch after %d s%n", pending,
                CALLBACK_DRAIN.toSeconds());
    }

    /** What is missing for the consumer-presented operations of {@code mixes}, if anything. */
    static Optional<String> consumerPresentedProblem(List<Mix> mixes, boolean acquirerProfile,
            boolean callbackPort) {
        boolean cpqrc = mixes.stream().anyMatch(m -> m.contains(LoadType.CPQRC_PAYMENT)
                || m.contains(LoadType.CPQRC_PAYMENT_CVM));
        if (cpqrc && !acquirerProfile) {
            return Optional.of("CPQRC_PAYMENT and CPQRC_PAYMENT_CVM are paid by an acquirer: give "
                    + "--acquirer-profile (e.g. <dataDir>/acquirer-profile)");
        }
        if (mixes.stream().anyMatch(m -> m.contains(LoadType.CPQRC_PAYMENT_CVM)) && !callbackPort) {
            return Optional.of("CPQRC_PAYMENT_CVM needs --callback-port: the generator confirms the switch's "
                    + "ADDITIONAL_PROCESSING callbacks, else every such payment times out with 05");
        }
        return Optional.empty();
    }

    Optional<String> invalidOption() {
        List<String> problems = new ArrayList<>();
        range(problems, "--rate", rate, 1, MAX_RATE_PER_SECOND);
        range(problems, "--duration", durationSeconds, 1, MAX_DURATION_SECONDS);
        range(problems, "--warmup", warmupSeconds, 0, MAX_WARMUP_SECONDS);
        range(problems, "--connections", connections, 1, MAX_CONNECTIONS);
        if (senders != null) {
            range(problems, "--senders", senders, 1, MAX_SENDERS);
        }
        range(problems, "--tokens", tokens, 1, MAX_TOKENS);
        range(problems, "--timeout", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
        range(problems, "--max-queued", maxQueued, 0, MAX_QUEUED_REQUESTS);
        range(problems, "--ceiling-seconds", ceilingSeconds, 1, MAX_CEILING_SECONDS);
        range(problems, "--rounds", rounds, 1, Math.min(MAX_ROUNDS, Math.max(1, durationSeconds)));
        if (switchPid != null && switchPid < 1) {
            problems.add("--switch-pid must be a process id, found " + switchPid);
        }
        if (callbackPort != null) {
            range(problems, "--callback-port", callbackPort, 0, MAX_PORT);
        }
        if (billerMid == null || !MID.matcher(billerMid).matches()) {
            problems.add("--biller must be 1 to 15 letters, digits or spaces");
        }
        if (agentMid == null || !MID.matcher(agentMid).matches()) {
            problems.add("--agent must be 1 to 15 letters, digits or spaces");
        }
        if (acquirerFwdIin == null || !IIN.matcher(acquirerFwdIin).matches()) {
            problems.add("--acquirer-fwd-iin must be 8 digits, found " + acquirerFwdIin);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            problems.add("--currency must be 3 digits (ISO 4217 numeric), found " + currency);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private Duration batchDeadline() {
        return Duration.ofSeconds(Math.max(60, 4L * timeoutSeconds));
    }

    private static void range(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be from " + min + " to " + max + ", found " + value);
        }
    }

    private static ClientIdentity identity(ClientProfile p) {
        return new ClientIdentity(p.insId(), p.signingKid(), p.signingKey(), p.encryptionKid(), p.encryptionKey(),
                p.switchSigningKid(), p.switchSigningPublicKey(), p.switchEncryptionKid(),
                p.switchEncryptionPublicKey());
    }

    static List<String> notes(List<MixRun> runs, String provider, boolean receivedCallbacks) {
        List<String> notes = new ArrayList<>();
        notes.add("The ceiling ran in the generator's JVM with " + provider + "; the switch names its own in its "
                + "start-up log line (`crypto: ...`). Compare like with like.");
        notes.add("During the load phase the generator also signs every request, encrypts every cvmInfo and "
                + "creditAccountInfo, verifies every response (and every callback, when it receives them) on the "
                + "same cores, so approved/ceiling well below 1 is expected on a shared machine; the ratio is for "
                + "comparing runs, not an efficiency score.");
        if (runs.stream().anyMatch(r -> r.mix().contains(LoadType.P2P_TRANSFER)) && !receivedCallbacks) {
            notes.add("Every approved P2P_TRANSFER causes two TRX_RESULT_NOTIFICATION callbacks, and the generator did "
                    + "not receive them (no --callback-port): unless something else answers at the switch's "
                    + "callbackUrl, their failed deliveries and retries are extra load on the switch (see the "
                    + "callback outbox line).");
        }
        if (runs.stream().anyMatch(r -> r.mix().entries().stream().anyMatch(e -> e.type().consumerPresented()))) {
            notes.add("CPQRC_PAYMENT and CPQRC_PAYMENT_CVM are operations, counted as one request each: QRC_GENERATION "
                    + "by the App Gateway, then CPQRC_PAYMENT by the acquirer (EMV payload and barcode alternating), "
                    + "for _CVM with ADDITIONAL_PROCESSING and the generator's ADDITIONAL_PROCESSING_RESULT CONTINUING "
                    + "in between; latency runs from the intended send of the generation to the acquirer's response, "
                    + "the response code is the payment's (the generation's if that was not approved).");
        }
        for (MixRun run : runs) {
            PhaseResult load = run.load();
            String which = runs.size() > 1 ? run.mix().text() + ": " : "";
            boolean callsCbs = run.mix().entries().stream().anyMatch(e -> e.type().callsCbs());
            if (callsCbs && run.switchView() != null && !run.switchView().observed()) {
                notes.add(which + "the mix calls the issuer's CBS, but the switch's CBS link could not be observed ("
                        + run.switchView().problem() + "); pass --admin-url with the switch's admin listener.");
            }
            if (load.errors() > 0) {
                notes.add(which + load.errors() + " requests got no response (see Response codes, 'no response').");
            }
            if (load.unfinished() > 0) {
                notes.add(which + load.unfinished()
                        + " requests were still in flight when the run stopped waiting for them.");
            }
            if (load.sendLag().p99Ms() > SEND_LAG_WARNING_MS) {
                notes.add(String.format(Locale.ROOT, "%sThe generator fell behind its schedule (send lag p99 %.1f "
                        + "ms): latencies include that lag; lower --rate or raise --senders.", which,
                        load.sendLag().p99Ms()));
            }
        }
        return notes;
    }
}
