package org.openscis.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.openscis.codec.mask.Masking;
import org.openscis.codec.qr.Barcodes;
import org.openscis.codec.qr.CpmParser;
import org.openscis.codec.qr.CpmPayload;
import org.openscis.codec.qr.CpmResult;
import org.openscis.router.MessageType;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openscis acquirer pay|refund|cancel}: act as an acquirer (decisions.md §7.1) with an acquirer client profile
 * (the first start of the shipped configuration writes one to {@code <dataDir>/acquirer-profile/}). {@code pay}
 * "scans" a consumer-presented code given as text (the EMV payload in base64, or the 19-digit barcode), decodes it
 * and prints its card-side fields masked, and sends CPQRC_PAYMENT; {@code refund} and {@code cancel} give money of an
 * earlier payment back. Each request is signed, sent, its response's signature verified and printed by the same
 * {@link ClientRunner} as {@code openscis client}; the retrieval reference, trace number and transmission time are
 * made up per request.
 */
@Command(name = "acquirer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Act as an acquirer: pay a scanned consumer QR code (CPQRC_PAYMENT), refund or cancel it.",
            "Exit code 0 when the response code is 00, 1 for any other response code, 4 when the switch cannot be "
                + "reached or its signature does not verify."},
        footer = {"", "Examples:",
            "  openscis acquirer pay --amount 12.50 --barcode 6212345678901234567",
            "  openscis acquirer pay --amount 12.50 --payload hQVDUFYwMWF...",
            "  openscis acquirer refund --orig-msg-id A4800034420261126101500123456 --amount 2.50",
            "  openscis acquirer cancel --orig-msg-id A4800034420261126101500123456 --amount 12.50"})
final class AcquirerCommand implements Callable<Integer> {

    static final String DEFAULT_CURRENCY = "344";
    static final String DEFAULT_MID = "OPENSCISDEMO001";
    static final String DEFAULT_MERCHANT_NAME = "OpenSCIS Demo Shop";
    static final String DEFAULT_MCC = "5812";
    static final String DEFAULT_COUNTRY = "344";
    static final String DEFAULT_FWD_IIN = "00010344";
    static final String DEFAULT_TERM_ID = "T0000001";
    static final int RETRIEVAL_REF_DIGITS = 12;
    static final int TRACE_NUM_DIGITS = 6;
    static final int MSG_ID_SEQUENCE_DIGITS = 6;
    /** UnionPay's RID: every UnionPay CPM application (qr.md §7.4) starts with it. */
    static final String UNIONPAY_AID_PREFIX = "A000000333";
    private static final CpmParser CPM = new CpmParser(List.of(UNIONPAY_AID_PREFIX));
    private static final DateTimeFormatter MSG_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter TRANS_DATETIME = DateTimeFormatter.ofPattern("MMddHHmmss");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    private AcquirerCommand() {}

    /** The {@code acquirer} group with its {@code pay}, {@code refund} and {@code cancel} commands. */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new AcquirerCommand())
                .addSubcommand("pay", new PayCommand(context))
                .addSubcommand("refund", new ReturnCommand(context, MessageType.REFUND))
                .addSubcommand("cancel", new ReturnCommand(context, MessageType.CANCELLATION));
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: pay, refund or cancel");
    }

    /** Where to send and as whom: options every acquirer command has. */
    static final class Connection {

        @Option(names = "--profile", paramLabel = "DIR", description = "Acquirer client profile directory (default: "
                + DevKeyBootstrap.ACQUIRER_PROFILE_DIR + " in $" + ClientCommand.DATA_DIR_ENV + ", else in ./data).")
        Path profile;

        @Option(names = "--url", paramLabel = "URL", description = "Switch base URL, replacing the profile's.")
        String url;

        @Option(names = "--msg-id", paramLabel = "ID", description = "msgID to send (default: a fresh one; a "
                + "retry with the same msgID and content gets the first answer again).")
        String msgId;
    }

    /** The merchant as {@code merchantInfo} describes it. */
    static final class MerchantOptions {

        @Option(names = "--mid", paramLabel = "MID", description = "Merchant id (default: ${DEFAULT-VALUE}).")
        String mid = DEFAULT_MID;

        @Option(names = "--merchant-name", paramLabel = "NAME", description = "Default: ${DEFAULT-VALUE}.")
        String merchantName = DEFAULT_MERCHANT_NAME;

        @Option(names = "--mcc", paramLabel = "MCC", description = "Merchant category (default: ${DEFAULT-VALUE}).")
        String mcc = DEFAULT_MCC;

        @Option(names = "--merchant-country", paramLabel = "N3", description = "Default: ${DEFAULT-VALUE}.")
        String country = DEFAULT_COUNTRY;

        @Option(names = "--acquirer-iin", paramLabel = "IIN", description = "Default: the profile's insID.")
        String acquirerIin;

        @Option(names = "--fwd-iin", paramLabel = "IIN", description = "Forwarding IIN (default: ${DEFAULT-VALUE}).")
        String fwdIin = DEFAULT_FWD_IIN;

        @Option(names = "--term-id", paramLabel = "ID", description = "Terminal id (default: ${DEFAULT-VALUE}).")
        String termId = DEFAULT_TERM_ID;

        ObjectNode json(ClientProfile profile) {
            return JSON.createObjectNode()
                    .put("acquirerIIN", acquirerIin != null ? acquirerIin : profile.insId())
                    .put("fwdIIN", fwdIin)
                    .put("mid", mid)
                    .put("merchantName", merchantName)
                    .put("mcc", mcc)
                    .put("merchantCountry", country)
                    .put("termId", termId);
        }
    }

    /** What a command does once the profile is loaded: the message type and its {@code trxInfo}. */
    abstract static class AcquirerMessage implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection = new Connection();

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "trxAmt, e.g. 12.50.")
        String amount;

        @Option(names = "--currency", paramLabel = "N3", description = "trxCurrency (default: ${DEFAULT-VALUE}).")
        String currency = DEFAULT_CURRENCY;

        @ArgGroup(exclusive = false, heading = "Merchant:%n")
        MerchantOptions merchant = new MerchantOptions();

        AcquirerMessage(CliContext context) {
            this.context = context;
        }

        abstract MessageType type();

        /** The {@code trxInfo}; may print what it scanned to {@code out}. */
        abstract ObjectNode trxInfo(ClientProfile profile, PrintStream out);

        @Override
        public final Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            ClientRunner runner = context.clientRunner().get().orElse(null);
            if (runner == null) {
                err.println("openscis acquirer: no client on the class path (no " + ClientRunner.class.getName()
                        + " registered in META-INF/services)");
                return ExitCodes.FAILED;
            }
            Path dir = connection.profile != null ? context.resolve(connection.profile) : defaultProfileDir(context);
            ClientProfile profile = ProfileLoading.load(dir, connection.url, "acquirer", "acquirer", err)
                    .orElse(null);
            if (profile == null) {
                return ExitCodes.CONFIG;
            }
            spec.commandLine().getOut().flush();
            PrintStream out = context.out();
            Clock clock = Clock.systemUTC();
            ObjectNode trx = trxInfo(profile, out)
                    .put("retrivlRefNum", digits(RETRIEVAL_REF_DIGITS))
                    .put("traceNum", digits(TRACE_NUM_DIGITS))
                    .put("transDatetime", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(TRANS_DATETIME));
            String msgId = connection.msgId != null ? connection.msgId
                    : "A" + profile.insId() + LocalDateTime.now(clock).format(MSG_TIMESTAMP)
                    + digits(MSG_ID_SEQUENCE_DIGITS);
            int exit = runner.run(profile, type().name(), JSON.writeValueAsString(trx), msgId, out);
            if (exit == ExitCodes.OK && type() == MessageType.CPQRC_PAYMENT) {
                out.println("refund it with:  openscis acquirer refund --orig-msg-id " + msgId + " --amount "
                        + amount);
                out.println("cancel it with:  openscis acquirer cancel --orig-msg-id " + msgId + " --amount "
                        + amount);
            }
            return exit;
        }

        ObjectNode amounts() {
            return JSON.createObjectNode().put("trxAmt", amount).put("trxCurrency", currency);
        }
    }

    /** {@code openscis acquirer pay}: CPQRC_PAYMENT for a scanned consumer-presented code. */
    @Command(name = "pay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Scan a consumer-presented QR code (given as text) and send CPQRC_PAYMENT.")
    static final class PayCommand extends AcquirerMessage {

        /** Exactly one of the two forms of a consumer-presented code. */
        static final class Scanned {
            @Option(names = "--payload", required = true, paramLabel = "BASE64",
                    description = "The EMV CPM payload as scanned (base64).")
            String payload;

            @Option(names = "--barcode", required = true, paramLabel = "DIGITS",
                    description = "The 19-digit barcode as scanned.")
            String barcode;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Scanned scanned;

        @Option(names = "--note", paramLabel = "TEXT", description = "trxNote (optional).")
        String note;

        PayCommand(CliContext context) {
            super(context);
        }

        @Override
        MessageType type() {
            return MessageType.CPQRC_PAYMENT;
        }

        @Override
        ObjectNode trxInfo(ClientProfile profile, PrintStream out) {
            ObjectNode trx = JSON.createObjectNode();
            if (scanned.payload != null) {
                out.println("scanned: " + describePayload(scanned.payload));
                trx.put("emvCpqrcPayload", scanned.payload);
            } else {
                out.println("scanned: " + describeBarcode(scanned.barcode));
                trx.put("barcodeCpqrcPayload", scanned.barcode);
            }
            trx.setAll(amounts());
            trx.set("merchantInfo", merchant.json(profile));
            if (note != null) {
                trx.put("trxNote", note);
            }
            return trx;
        }
    }

    /** {@code openscis acquirer refund|cancel}: REFUND or CANCELLATION of an earlier CPQRC_PAYMENT. */
    @Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Give money of an earlier CPQRC_PAYMENT back: refund (part of it, repeatedly, up to the "
                + "whole) or cancel (all of it, on the payment's business day).",
                "The merchant options must name the payment's merchant (--mid)."})
    static final class ReturnCommand extends AcquirerMessage {

        private final MessageType type;

        @Option(names = "--orig-msg-id", required = true, paramLabel = "ID",
                description = "The msgID of the CPQRC_PAYMENT (printed by `openscis acquirer pay`).")
        String origMsgId;

        ReturnCommand(CliContext context, MessageType type) {
            super(context);
            this.type = type;
        }

        @Override
        MessageType type() {
            return type;
        }

        @Override
        ObjectNode trxInfo(ClientProfile profile, PrintStream out) {
            ObjectNode trx = JSON.createObjectNode().put("origMsgID", origMsgId);
            trx.setAll(amounts());
            trx.set("merchantInfo", merchant.json(profile));
            return trx;
        }
    }

    /**
     * What a scanned payload holds, as a terminal would show it after decoding it (codec {@link CpmParser}): the
     * application, the token masked, its expiry and the ATC; never the cryptogram or the token in clear. A payload
     * that does not decode is still sent: judging it is the switch's job (30).
     */
    static String describePayload(String payload) {
        CpmResult result = CPM.parse(payload.strip());
        if (result instanceof CpmResult.Failed failed) {
            return "not a readable EMV CPM payload (" + failed.error() + ": " + failed.detail()
                    + "); sending it anyway (the switch will answer 30)";
        }
        CpmPayload p = ((CpmResult.Parsed) result).payload();
        OptionalInt atc = p.atc();
        return "EMV CPM payload, AID " + p.aid() + ", token " + Masking.pan(p.pan())
                + (p.track2() == null ? "" : ", expiry " + p.track2().expiryYymm())
                + ", ATC " + (atc.isPresent() ? Integer.toString(atc.getAsInt()) : "absent");
    }

    /** A barcode masked like a PAN, with whether it is well formed (19 digits starting 62). */
    static String describeBarcode(String barcode) {
        return "barcode " + Masking.pan(barcode) + (Barcodes.wellFormed(barcode) ? ""
                : " (not 19 digits starting 62; sending it anyway, the switch will answer 30)");
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        return b.toString();
    }

    /** The acquirer profile the first start writes: in $OPENSCIS_DATA_DIR, else in ./data. */
    static Path defaultProfileDir(CliContext context) {
        String dataDir = context.env().apply(ClientCommand.DATA_DIR_ENV);
        Path base = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir);
        return context.resolve(base.resolve(DevKeyBootstrap.ACQUIRER_PROFILE_DIR));
    }
}
