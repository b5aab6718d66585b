package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openscis.server.client.qr.MerchantQr;
import org.openscis.server.client.qr.MpmTip;
import org.openscis.server.client.qr.QrImages;
import org.openscis.server.keys.ClientProfile;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openscis client qr png|decode|mpm|pay}: QR tools for trying the merchant-presented flows by hand. Images and
 * payloads are made here directly (no switch involved); {@code pay} goes through the {@link ClientRunner}.
 */
@Command(name = "qr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "QR tools: render any QR text as a PNG, read one back, build a UnionPay EMV merchant QR, "
            + "pay a merchant QR as a wallet.")
final class QrCommand implements Callable<Integer> {

    /** A PNG to read is a QR picture, not a photo album. */
    static final long MAX_IMAGE_BYTES = 32L * 1024 * 1024;

    @Spec
    private CommandSpec spec;

    private QrCommand() {}

    /** The {@code qr} group with its four commands. */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new QrCommand())
                .addSubcommand("png", new PngCommand(context))
                .addSubcommand("decode", new DecodeCommand(context))
                .addSubcommand("mpm", new MpmCommand(context))
                .addSubcommand("pay", new PayCommand(context));
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: png, decode, mpm or pay");
    }

    /** Writes a PNG of {@code text}; prints what was written. */
    static int writePng(CliContext context, String text, Path out, int size, PrintWriter stdout, PrintWriter err)
            throws IOException {
        QrImages.Rendered rendered = QrImages.png(text, size);
        if (rendered instanceof QrImages.Rendered.Refused refused) {
            err.println("openscis client qr: cannot draw the QR code: " + refused.reason());
            return ExitCodes.FAILED;
        }
        QrImages.Rendered.Png png = (QrImages.Rendered.Png) rendered;
        Path file = context.resolve(out);
        Files.write(file, png.bytes());
        stdout.println("wrote " + file + " (" + png.widthPx() + "x" + png.widthPx() + " px, QR version "
                + png.version() + ", error correction M)");
        return ExitCodes.OK;
    }

    /** The text of the QR code in an image file, or null with the reason printed. */
    static String readPng(CliContext context, Path in, PrintWriter err) throws IOException {
        Path file = context.resolve(in);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such image file");
        }
        if (Files.size(file) > MAX_IMAGE_BYTES) {
            throw new IOException(file + ": larger than " + MAX_IMAGE_BYTES + " bytes");
        }
        QrImages.Read read = QrImages.read(Files.readAllBytes(file));
        if (read instanceof QrImages.Read.Unreadable u) {
            err.println("openscis client qr: " + file + ": " + u.reason());
            return null;
        }
        return ((QrImages.Read.Text) read).text();
    }

    @Command(name = "png", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Render any QR text (an EMV merchant payload, a UnionPay URL, a consumer code's base64) as "
                + "a PNG: byte mode, UTF-8 with ECI 26 when the text is not ASCII, error correction M, a quiet zone "
                + "of 4 modules."},
            footer = {"", "Example:", "  openscis client qr png --text https://qr.95516.com/00010000/"
                + "62000000000000000000000001 --out url.png"})
    static final class PngCommand implements Callable<Integer> {

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "What the QR code carries.")
        private String text;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PNG file to write.")
        private Path out;

        @Option(names = "--size", paramLabel = "PX", description = "Minimum width in pixels (default: "
                + QrImages.DEFAULT_SIZE_PX + ").")
        private int size = QrImages.DEFAULT_SIZE_PX;

        PngCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            return writePng(context, text, out, size, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Read the QR code in an image (PNG, JPEG, GIF, BMP) and print its text.",
            footer = {"", "Example:", "  openscis client qr decode --in mpm.png"})
    static final class DecodeCommand implements Callable<Integer> {

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "The image to read.")
        private Path in;

        DecodeCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            String text = readPng(context, in, spec.commandLine().getErr());
            if (text == null) {
                return ExitCodes.FAILED;
            }
            spec.commandLine().getOut().println(text);
            return ExitCodes.OK;
        }
    }

    @Command(name = "mpm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Build a UnionPay EMV merchant-presented QR (ID 15 = acquirer IIN + forwarding IIN + "
                + "merchant ID) and print its payload; with an amount the code is dynamic (01 = 12), else static.",
                "The payload is checked with the switch's strict parser, then printed alone on standard output (the PNG "
                    + "note goes to standard error), so scripts can capture it."},
            footer = {"", "Example:", "  openscis client qr mpm --acquirer-iin 25000344 --fwd-iin 00020344 "
                + "--mid 500034470110001 --name \"Demo Cafe\" --city \"Hong Kong\" --mcc 5812 --currency 344 "
                + "--amount 12.50 --png cafe.png"})
    static final class MpmCommand implements Callable<Integer> {

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Option(names = "--acquirer-iin", required = true, paramLabel = "N8", description = "Acquirer IIN.")
        private String acquirerIin;

        @Option(names = "--fwd-iin", required = true, paramLabel = "N8", description = "Forwarding IIN.")
        private String fwdIin;

        @Option(names = "--mid", required = true, paramLabel = "ANS15", description = "Merchant ID (15 characters).")
        private String mid;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Merchant name (tag 59).")
        private String name;

        @Option(names = "--city", required = true, paramLabel = "CITY", description = "Merchant city (tag 60).")
        private String city;

        @Option(names = "--mcc", required = true, paramLabel = "N4", description = "Merchant category code.")
        private String mcc;

        @Option(names = "--currency", required = true, paramLabel = "N3", description = "ISO 4217 numeric.")
        private String currency;

        @Option(names = "--country", paramLabel = "A2", description = "ISO 3166 alpha-2 country (default: HK).")
        private String country = "HK";

        @Option(names = "--amount", paramLabel = "AMOUNT", description = "Fixed amount (tag 54), e.g. 12.50.")
        private String amount;

        @Option(names = "--tip", paramLabel = "prompt|fixed:FEE|percent:P", description = "Tag 55: the payer "
                + "enters a tip (prompt), a fixed convenience fee (fixed:1.00, tag 56) or a percentage (percent:5, "
                + "tag 57).")
        private String tip;

        @Option(names = "--bill-no", paramLabel = "TEXT", description = "Bill number (tag 62-01).")
        private String billNo;

        @Option(names = "--terminal", paramLabel = "TEXT", description = "Terminal label (tag 62-07).")
        private String terminal;

        @Option(names = "--png", paramLabel = "FILE", description = "Also write the QR code as a PNG.")
        private Path png;

        @Option(names = "--size", paramLabel = "PX", description = "PNG width (default: "
                + QrImages.DEFAULT_SIZE_PX + ").")
        private int size = QrImages.DEFAULT_SIZE_PX;

        MpmCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            MpmTip parsedTip = null;
            if (tip != null) {
                parsedTip = MerchantQr.tipOf(tip).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--tip: one of prompt, fixed:<amount>, percent:<value>"));
            }
            MerchantQr.Built built = new MerchantQr(acquirerIin, fwdIin, mid, name, city, mcc, currency, country,
                    amount, parsedTip, billNo, terminal).build();
            if (built instanceof MerchantQr.Built.Invalid invalid) {
                throw new CommandLine.ParameterException(spec.commandLine(), invalid.reason());
            }
            String payload = ((MerchantQr.Built.Payload) built).text();
            PrintWriter out = spec.commandLine().getOut();
            out.println(payload);
            if (png == null) {
                return ExitCodes.OK;
            }
            return writePng(context, payload, png, size, spec.commandLine().getErr(), spec.commandLine().getErr());
        }
    }

    @Command(name = "pay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Pay a merchant-presented QR as a wallet: an EMV string is sent as MPQRC_PAYMENT_EMV with "
                + "merchantInfo, additionalData, amount and currency taken from the code; a UnionPay URL code is "
                + "resolved with QRC_INFO_INQUIRY and paid with MPQRC_PAYMENT_URL.",
                "Exit code 0 when the payment is approved, 1 for a refusal, 4 when the switch cannot be reached."},
            footer = {"", "Examples:", "  openscis client qr pay --token 6292... --device-id dev-1 --png cafe.png",
                "  openscis client qr pay --token 6292... --device-id dev-1 "
                    + "--payload https://qr.95516.com/00010000/62000000000000000000000001"})
    static final class PayCommand implements Callable<Integer> {

        private final CliContext context;

        @Spec
        private CommandSpec spec;

        @Option(names = "--profile", paramLabel = "DIR", description = "Client profile directory (default: "
                + "appgw-profile in $" + ClientCommand.DATA_DIR_ENV + ", else in ./data).")
        private Path profile;

        @Option(names = "--url", paramLabel = "URL", description = "Switch base URL, replacing the profile's.")
        private String url;

        @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The card's token.")
        private String token;

        @Option(names = "--device-id", required = true, paramLabel = "ID", description = "The token's device.")
        private String deviceId;

        @Option(names = "--user-id", paramLabel = "ID", description = "The wallet user (default: ${DEFAULT-VALUE}).")
        private String userId = "openscis-cli";

        @ArgGroup(exclusive = true, multiplicity = "1")
        private Source source;

        @Option(names = "--amount", paramLabel = "AMOUNT", description = "The amount, for a code without one.")
        private String amount;

        @Option(names = "--tip", paramLabel = "AMOUNT", description = "A tip, for an EMV code asking for one "
                + "(55 = 01).")
        private String tip;

        static final class Source {
            @Option(names = "--payload", required = true, paramLabel = "TEXT", description = "The QR's text.")
            String payload;

            @Option(names = "--png", required = true, paramLabel = "FILE", description = "An image of the QR.")
            Path png;
        }

        PayCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            ClientRunner runner = context.clientRunner().get().orElse(null);
            if (runner == null) {
                err.println("openscis client qr pay: no App Gateway client on the class path");
                return ExitCodes.FAILED;
            }
            String payload = source.payload;
            if (payload == null) {
                payload = readPng(context, source.png, err);
                if (payload == null) {
                    return ExitCodes.FAILED;
                }
            }
            Path dir = profile != null ? context.resolve(profile) : ClientCommand.defaultProfileDir(context);
            ClientProfile loaded = ProfileLoading.load(dir, url, "client qr pay", "client", err).orElse(null);
            if (loaded == null) {
                return ExitCodes.CONFIG;
            }
            spec.commandLine().getOut().flush();
            return runner.qrPay(loaded, new QrPayRequest(token, deviceId, userId, payload, amount, tip),
                    context.out());
        }
    }
}
