package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openscis.server.outbox.JdbcOutboxAdmin;
import org.openscis.server.outbox.OutboxCounts;
import org.openscis.server.outbox.OutboxEntry;
import org.openscis.server.outbox.OutboxState;
import org.openscis.server.outbox.ReplayResult;
import org.openscis.server.storage.Database;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openscis outbox list|replay}: callbacks to App Gateways as stored in the configured database (decisions.md
 * §8). Works on the database directly, so with PostgreSQL it runs beside live switch nodes; an embedded H2 file admits
 * one process, so stop the switch first. Payloads are never read; tokens are shown masked.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Callbacks to App Gateways: list them, replay parked ones.")
final class OutboxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private OutboxCommand() {}

    /** The {@code outbox} group with its {@code list} and {@code replay} commands. */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new OutboxCommand())
                .addSubcommand("list", new ListCommand(context))
                .addSubcommand("replay", new ReplayCommand(context));
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: list or replay");
    }

    /** {@code openscis outbox list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"List stored callbacks, newest first: msgID, type, recipient, token (masked), state, "
                + "attempts, times, last response code and error.", "Exit code 0; 3 for an invalid configuration; 4 if the database cannot be opened."})
    static final class ListCommand implements Callable<Integer> {

        static final int DEFAULT_LIMIT = 100;
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @Option(names = "--parked", description = "Only parked callbacks (given up; see outbox replay).")
        private boolean parked;

        @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: " + DEFAULT_LIMIT
                + ", at most " + JdbcOutboxAdmin.MAX_LIST_ROWS + ").")
        private int limit = DEFAULT_LIMIT;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            if (limit < 1 || limit > JdbcOutboxAdmin.MAX_LIST_ROWS) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--limit: must be 1 to " + JdbcOutboxAdmin.MAX_LIST_ROWS + ", found " + limit);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = storage.open(context, spec.commandLine().getErr(), "openscis outbox list")) {
                if (db == null) {
                    return storage.failure;
                }
                JdbcOutboxAdmin admin = new JdbcOutboxAdmin(db);
                List<OutboxEntry> entries = admin.list(parked, limit);
                OutboxCounts counts = admin.counts();
                if (entries.isEmpty()) {
                    out.println(parked ? "No parked callbacks." : "No callbacks stored.");
                } else {
                    out.print(table(entries));
                }
                out.printf("pending %d, parked %d%s%n", counts.pending(), counts.parked(),
                        entries.size() == limit ? " (showing the newest " + limit + " rows; see --limit)" : "");
                return ExitCodes.OK;
            }
        }

        private static String table(List<OutboxEntry> entries) {
            TextTable table = new TextTable("MSG_ID", "TYPE", "RECIPIENT", "TOKEN", "STATE", "ATTEMPTS", "CREATED",
                    "NEXT_ATTEMPT / DELIVERED", "CODE", "LAST_ERROR");
            for (OutboxEntry e : entries) {
                Instant when = e.state() == OutboxState.DELIVERED ? e.deliveredAt()
                        : e.state() == OutboxState.PENDING ? e.nextAttemptAt() : null;
                table.row(e.msgId(), e.msgType(), e.recipientInsId(), e.maskedOrderKey(), e.state().name(),
                        Integer.toString(e.attempts()), TIME.format(e.createdAt()),
                        when == null ? "-" : TIME.format(when), orDash(e.responseCode()), orDash(e.lastError()));
            }
            return table.render();
        }
    }

    /** {@code openscis outbox replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Put parked callbacks back in the queue, due at once, with a fresh retry period. The same "
                + "msgID is sent again (recipients deduplicate by it).",
                "Exit code 0 when replayed (or nothing was parked with --all-parked), 1 if the msgID is unknown or "
                    + "not parked, 3 for an invalid configuration, 4 if the database cannot be opened."})
    static final class ReplayCommand implements Callable<Integer> {

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Mixin
        private StorageOptions storage;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private Target target;

        /** Exactly one of the two. */
        static final class Target {
            @Option(names = "--msg-id", paramLabel = "ID", required = true, description = "The parked callback's msgID.")
            String msgId;

            @Option(names = "--all-parked", required = true, description = "Every parked callback.")
            boolean allParked;
        }

        ReplayCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = storage.open(context, err, "openscis outbox replay")) {
                if (db == null) {
                    return storage.failure;
                }
                JdbcOutboxAdmin admin = new JdbcOutboxAdmin(db);
                Instant now = Clock.systemUTC().instant();
                if (target.allParked) {
                    int replayed = admin.replayAllParked(now);
                    out.printf("Replayed %d parked callback%s.%n", replayed, replayed == 1 ? "" : "s");
                    return ExitCodes.OK;
                }
                ReplayResult result = admin.replay(target.msgId, now);
                switch (result) {
                    case REPLAYED:
                        out.printf("Replayed %s: pending, due now.%n", target.msgId);
                        return ExitCodes.OK;
                    case NOT_PARKED:
                        err.printf("openscis outbox replay: %s is not parked (pending or delivered); nothing done%n",
                                target.msgId);
                        return ExitCodes.FAILED;
                    default:
                        err.printf("openscis outbox replay: no callback with msgID %s%n", target.msgId);
                        return ExitCodes.FAILED;
                }
            }
        }
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
