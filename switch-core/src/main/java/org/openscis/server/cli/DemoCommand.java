package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openscis demo}: the whole App Gateway journey against a running switch, as a readable table. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the App Gateway journey against a running switch: CVM inquiry, KYC, open account, "
            + "balance, bill payment, credit, P2P transfer, cash-out token, result inquiry, merchant QR payments "
            + "(an EMV code, then the shipped fixed-amount URL code after its inquiry), consumer-presented codes paid "
            + "by the demo acquirer (below the CVM limit; above it with the wallet's confirmation), a partial refund, "
            + "exchange rate.",
            "Listens for the switch's callbacks meanwhile (the shipped config sends them to 127.0.0.1:8082).",
            "Exit code 0 when every step was approved."},
        footer = {"", "Example (with `openscis serve` running on the shipped config):", "  openscis demo"})
final class DemoCommand implements Callable<Integer> {

    /** The port of the shipped configuration's default callback URL. */
    static final int DEFAULT_CALLBACK_PORT = 8082;

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", paramLabel = "DIR", description = "Client profile directory (default: "
            + DevKeyBootstrap.PROFILE_DIR + " in $" + ClientCommand.DATA_DIR_ENV + ", else in ./data).")
    private Path profile;

    @Option(names = "--acquirer-profile", paramLabel = "DIR", description = "The demo acquirer's client profile "
            + "directory, which pays the consumer-presented codes (default: " + DevKeyBootstrap.ACQUIRER_PROFILE_DIR
            + " next to the App Gateway profile).")
    private Path acquirerProfile;

    @Option(names = "--url", paramLabel = "URL", description = "Switch base URL, replacing the profile's.")
    private String url;

    @Option(names = "--callback-port", paramLabel = "PORT", description = "Where to receive callbacks during the "
            + "demo; 0 to not listen (default: " + DEFAULT_CALLBACK_PORT + ").")
    private int callbackPort = DEFAULT_CALLBACK_PORT;

    @Option(names = "--currency", paramLabel = "CODE", description = "The demo product's currency, ISO 4217 "
            + "numeric (default: 344).")
    private String currency = "344";

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ClientRunner runner = context.clientRunner().get().orElse(null);
        if (runner == null) {
            err.println("openscis demo: no App Gateway client on the class path");
            return ExitCodes.FAILED;
        }
        Path dir = profile != null ? context.resolve(profile) : ClientCommand.defaultProfileDir(context);
        ClientProfile loaded = ProfileLoading.load(dir, url, "demo", "client", err).orElse(null);
        if (loaded == null) {
            return ExitCodes.CONFIG;
        }
        Path acquirerDir = acquirerProfile != null ? context.resolve(acquirerProfile)
                : dir.toAbsolutePath().resolveSibling(DevKeyBootstrap.ACQUIRER_PROFILE_DIR);
        ClientProfile acquirer;
        try {
            acquirer = ClientProfile.load(acquirerDir);
        } catch (NoSuchFileException e) {
            err.println("openscis demo: no acquirer profile in " + acquirerDir + "; the consumer-presented code "
                    + "payments are not sent (pass --acquirer-profile DIR)");
            acquirer = null;
        } catch (IOException e) {
            err.println("openscis demo: unusable acquirer profile: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (url != null && acquirer != null) {
            acquirer = acquirer.withBaseUrl(url);
        }
        spec.commandLine().getOut().flush();
        return runner.demo(loaded, acquirer, callbackPort, currency, context.out());
    }
}
