package org.openscis.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openscis.router.MessageType;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openscis client MSG_TYPE}: act as an App Gateway for one message, using a client profile. */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Send one message as an App Gateway: sign, encrypt the sensitive fields given in plain text, "
            + "send, verify, decrypt, print.",
            "Exit code 0 when the response code is 00, 1 for any other response code, 4 when the switch cannot be "
                + "reached."},
        footer = {"", "Examples:", "  openscis client CVM_INQUIRY",
            "  openscis client CARD_STATUS_INQUIRY --trx @trx.json --url http://127.0.0.1:18080",
            "", "QR tools (openscis client qr --help): qr png, qr decode, qr mpm, qr pay."})
final class ClientCommand implements Callable<Integer> {

    static final String DATA_DIR_ENV = "OPENSCIS_DATA_DIR";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A trxInfo bigger than the switch's largest accepted body could never be sent. */
    private static final long MAX_TRX_BYTES = 16 * 1024 * 1024;

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MSG_TYPE",
            description = "An App Gateway message type, e.g. CVM_INQUIRY.")
    private String msgType;

    @Option(names = "--profile", paramLabel = "DIR", description = "Client profile directory (default: "
            + DevKeyBootstrap.PROFILE_DIR + " in $" + DATA_DIR_ENV + ", else in ./data).")
    private Path profile;

    @Option(names = "--trx", paramLabel = "JSON|@FILE", description = "trxInfo as a JSON object, or @file to read "
            + "it from a file (default: {}).")
    private String trx = "{}";

    @Option(names = "--msg-id", paramLabel = "ID", description = "msgID to send (default: a fresh one).")
    private String msgId;

    @Option(names = "--url", paramLabel = "URL", description = "Switch base URL, replacing the profile's.")
    private String url;

    ClientCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String type = messageType();
        String trxJson = trxJson();
        PrintWriter err = spec.commandLine().getErr();
        ClientRunner runner = context.clientRunner().get().orElse(null);
        if (runner == null) {
            err.println("openscis client: no App Gateway client on the class path (no "
                    + ClientRunner.class.getName() + " registered in META-INF/services)");
            return ExitCodes.FAILED;
        }
        Path dir = profileDir();
        ClientProfile loaded = ProfileLoading.load(dir, url, "client", "client", err).orElse(null);
        if (loaded == null) {
            return ExitCodes.CONFIG;
        }
        spec.commandLine().getOut().flush();
        return runner.run(loaded, type, trxJson, msgId, context.out());
    }

    /** The wire name of an App Gateway message type; anything else is a usage error listing the valid ones. */
    private String messageType() {
        if (msgType == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: MSG_TYPE (or the command qr)");
        }
        Optional<MessageType> type = MessageType.byWireName(msgType.toUpperCase(Locale.ROOT))
                .filter(t -> t.direction() == MessageType.Direction.FROM_APP_GATEWAY);
        if (type.isEmpty()) {
            String valid = Arrays.stream(MessageType.values())
                    .filter(t -> t.direction() == MessageType.Direction.FROM_APP_GATEWAY)
                    .map(Enum::name).collect(Collectors.joining(", "));
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "MSG_TYPE: \"" + msgType + "\" is not a message type an App Gateway sends; one of " + valid);
        }
        return type.get().name();
    }

    /** The --trx text, read from the file after {@code @}; must be one JSON object. */
    private String trxJson() throws IOException {
        String text = trx;
        if (trx.startsWith("@")) {
            Path file = context.resolve(Path.of(trx.substring(1)));
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "--trx file does not exist");
            }
            if (Files.size(file) > MAX_TRX_BYTES) {
                throw new IOException(file + ": too large for a trxInfo");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return text.strip();
            }
        } catch (JsonProcessingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--trx: not valid JSON: " + e.getOriginalMessage());
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--trx: must be a JSON object {...}");
    }

    private Path profileDir() {
        if (profile != null) {
            return context.resolve(profile);
        }
        return defaultProfileDir(context);
    }

    /** The App Gateway profile the first start writes: in $OPENSCIS_DATA_DIR, else in ./data. */
    static Path defaultProfileDir(CliContext context) {
        String dataDir = context.env().apply(DATA_DIR_ENV);
        Path base = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir);
        return context.resolve(base.resolve(DevKeyBootstrap.PROFILE_DIR));
    }
}
