package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openscis.codec.mask.Masking;
import org.openscis.router.handler.CardUsability;
import org.openscis.router.handler.TokenResolver;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.storage.CardStateChange;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.JdbcCardRepository;
import org.openscis.server.storage.JdbcCardStates;
import org.openscis.server.storage.SequenceAllocator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openscis card show|state}: a card as the issuer sees it, and issuer state changes (decisions.md §6), found by
 * one of the card's tokens. A change stores the CARD_STATUS_NOTIFICATIONs it causes in the same transaction; the
 * switch's dispatcher delivers them. Works on the configured database and data keys directly, like {@code outbox}:
 * beside live switch nodes on PostgreSQL, but with the switch stopped on H2 (the notifications then go out when it
 * starts). PANs and tokens are shown masked.
 */
@Command(name = "card", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cards as the issuer sees them: show one, change its state (its wallets are notified).")
final class CardCommand implements Callable<Integer> {

    private static final String OFFLINE_NOTE = "With an H2 database stop the switch first (an H2 file admits one "
            + "process); with PostgreSQL it may run beside the switch nodes.";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    private CardCommand() {}

    /** The {@code card} group with its {@code show} and {@code state} commands. */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new CardCommand())
                .addSubcommand("show", new ShowCommand(context))
                .addSubcommand("state", new StateCommand(context));
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: show or state");
    }

    /** The reasons an operator may give; they select the response code the card answers with. */
    enum Reason {
        LOST(StateReason.LOST), STOLEN(StateReason.STOLEN), FRAUD(StateReason.FRAUD), EXPIRED(StateReason.EXPIRED);

        final StateReason port;

        Reason(StateReason port) {
            this.port = port;
        }
    }

    /** What both commands open: the card storage, on the configured database with the switch's data keys. */
    private record Opened(Database db, DataCipher cipher, JdbcCardRepository cards) implements AutoCloseable {

        static Opened open(CliContext context, StorageOptions storage, PrintWriter err, String command)
                throws IOException {
            OpenScisConfig cfg = storage.config(context, err, command);
            DataKeyring keyring = cfg == null ? null : storage.dataKeys(cfg, err, command);
            Database db = keyring == null ? null : storage.open(cfg, err, command);
            if (db == null) {
                return null;
            }
            DataCipher cipher = new DataCipher(keyring);
            return new Opened(db, cipher, new JdbcCardRepository(db, cipher, new KeyedHash(keyring)));
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private static void checkToken(CommandSpec spec, String token) {
        if (!TokenResolver.wellFormed(token)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--token: must be 16 to 19 digits with a valid check digit");
        }
    }

    /** The token and its card, or null after saying so on {@code err}. */
    private static Found find(JdbcCardRepository cards, String token, PrintWriter err, String command) {
        Optional<TokenRecord> t = cards.findToken(token);
        Optional<CardRecord> card = t.flatMap(r -> cards.findCardById(r.cardId()));
        if (card.isEmpty()) {
            err.printf("%s: no card with token %s%n", command, Masking.pan(token));
            return null;
        }
        return new Found(t.get(), card.get());
    }

    private record Found(TokenRecord token, CardRecord card) {}

    /** {@code openscis card show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Show the card a token belongs to: masked PAN, issuer, product, state and reason, whether "
                + "it is past its expiry, and every token of the card with its state and the state its wallet sees.",
                OFFLINE_NOTE,
                "Exit code 0; 1 if no card has that token; 3 for an invalid configuration; 4 if the database or the "
                    + "data keys cannot be opened."})
    static final class ShowCommand implements Callable<Integer> {

        private static final String NAME = "openscis card show";

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Option(names = "--token", paramLabel = "TOKEN", required = true, description = "Any token of the card.")
        private String token;

        ShowCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            checkToken(spec, token);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Opened opened = Opened.open(context, storage, err, NAME)) {
                if (opened == null) {
                    return storage.failure;
                }
                Found found = find(opened.cards(), token, err, NAME);
                if (found == null) {
                    return ExitCodes.FAILED;
                }
                CardRecord card = found.card();
                out.printf("Card %s: PAN %s, issuer %s, product %s (%s)%n", card.cardId(), card.maskedPan(),
                        card.issuerIin(), card.productId(), card.cardType());
                out.printf("State %s, reason %s, past its expiry: %s%n", card.state(),
                        card.reason() == null ? StateReason.NONE : card.reason(),
                        CardUsability.expired(card, Clock.systemUTC()) ? "yes" : "no");
                out.print(tokens(opened.cards().findTokensByCard(card.cardId()), card.state()));
                out.flush();
                return ExitCodes.OK;
            }
        }

        private String tokens(List<TokenRecord> tokens, CardState cardState) {
            TextTable table = new TextTable("TOKEN", "APP_GATEWAY", "STATE", "WALLET_SEES", "UPDATED");
            for (TokenRecord t : tokens) {
                table.row(Masking.pan(t.token()) + (t.token().equals(token) ? " *" : ""), t.insId(), t.state().name(),
                        CardState.reported(t.state(), cardState).name(), TIME.format(t.updatedAt()));
            }
            return table.render();
        }
    }

    /** {@code openscis card state}. */
    @Command(name = "state", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Set the state of the card a token belongs to, as its issuer: ACTIVE (usable again), "
                + "SUSPENDED or DELETED (terminal: the card and all its tokens, for good), with a reason that selects "
                + "the response code the card then answers (LOST 41, STOLEN 43, FRAUD 34, EXPIRED 54; none: 21). "
                + "Every wallet whose token now shows another state gets a CARD_STATUS_NOTIFICATION, stored with the "
                + "change and delivered by the switch.",
                OFFLINE_NOTE,
                "Exit code 0 when changed or already so; 1 if no card has that token, it is DELETED, or ACTIVE was "
                    + "asked for a card past its expiry; 2 for a usage error; 3 for an invalid configuration; 4 if "
                    + "the database or the data keys cannot be opened."})
    static final class StateCommand implements Callable<Integer> {

        private static final String NAME = "openscis card state";

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Option(names = "--token", paramLabel = "TOKEN", required = true, description = "Any token of the card.")
        private String token;

        @Option(names = "--state", paramLabel = "STATE", required = true,
                description = "ACTIVE, SUSPENDED or DELETED.")
        private CardState state;

        @Option(names = "--reason", paramLabel = "REASON",
                description = "LOST, STOLEN, FRAUD or EXPIRED (SUSPENDED or DELETED only).")
        private Reason reason;

        @Option(names = "--token-only", description = "Change only this token, not its card (e.g. the phone was "
                + "lost, the card was not). Takes no --reason.")
        private boolean tokenOnly;

        @Option(names = "--yes", description = "Confirms DELETED, which cannot be undone.")
        private boolean yes;

        StateCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            checkToken(spec, token);
            if (reason != null && (state == CardState.ACTIVE || tokenOnly)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reason: "
                        + (tokenOnly ? "a token has no reason (--token-only)" : "an ACTIVE card has no reason"));
            }
            if (state == CardState.DELETED && !yes) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "DELETED is terminal and cannot be undone: add --yes to confirm");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Opened opened = Opened.open(context, storage, err, NAME)) {
                if (opened == null) {
                    return storage.failure;
                }
                Found found = find(opened.cards(), token, err, NAME);
                if (found == null) {
                    return ExitCodes.FAILED;
                }
                Clock clock = Clock.systemUTC();
                JdbcCardStates states = new JdbcCardStates(opened.db(), opened.cipher(), new JdbcOutbox(opened.db(),
                        opened.cipher(), new SequenceAllocator(opened.db(), SequenceAllocator.DEFAULT_BLOCK_SIZE,
                        SequenceAllocator.TIMED_ID_MAX_BLOCK_AGE, clock)));
                Instant now = clock.instant();
                CardStateChange change = tokenOnly ? states.changeToken(token, state, now)
                        : states.changeCard(found.card().cardId(), state, reason == null ? null : reason.port, now);
                return report(change, found, out, err);
            }
        }

        private int report(CardStateChange change, Found found, PrintWriter out, PrintWriter err) {
            String what = tokenOnly ? "Token " + Masking.pan(token) : "Card " + found.card().cardId();
            String target = state + (reason == null ? "" : " (" + reason + ")");
            switch (change.outcome()) {
                case CHANGED:
                    out.printf("%s: %s -> %s.%n", what, change.before(), target);
                    if (change.notified().isEmpty()) {
                        out.println("No wallet sees another state: no CARD_STATUS_NOTIFICATION.");
                    } else {
                        out.printf("CARD_STATUS_NOTIFICATION queued for %d token%s: %s.%n", change.notified().size(),
                                change.notified().size() == 1 ? "" : "s", change.notified().stream()
                                        .map(n -> Masking.pan(n.token()) + " " + n.tokenState() + " to " + n.insId())
                                        .collect(Collectors.joining(", ")));
                    }
                    return ExitCodes.OK;
                case UNCHANGED:
                    out.printf("%s is already %s; nothing changed.%n", what, target);
                    return ExitCodes.OK;
                case TERMINAL:
                    err.printf("%s: %s is DELETED, which is terminal; nothing changed%n", NAME, what);
                    return ExitCodes.FAILED;
                case CARD_EXPIRED:
                    err.printf("%s: %s is past its expiry and cannot be made ACTIVE; nothing changed%n", NAME, what);
                    return ExitCodes.FAILED;
                default:
                    err.printf("%s: no card with token %s%n", NAME, Masking.pan(token));
                    return ExitCodes.FAILED;
            }
        }
    }
}
