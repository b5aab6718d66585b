package org.openscis.server.client;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.cli.ClientRunner;
import org.openscis.server.cli.ExitCodes;
import org.openscis.server.cli.QrPayRequest;
import org.openscis.server.keys.ClientProfile;

/**
 * The body of {@code openscis client <MSG_TYPE>}: sends one message as an App Gateway and prints, for a person, the
 * request (sensitive fields masked), the HTTP status, the signature check and the response with its JWE fields
 * decrypted and masked. With the environment variable {@code OPENSCIS_SHOW_PAN=1} the decrypted PANs are also
 * printed in full.
 */
public final class ClientCommandRunner implements ClientRunner {

    private static final int EXIT_APPROVED = ExitCodes.OK;
    private static final int EXIT_NOT_APPROVED = ExitCodes.FAILED;
    private static final int EXIT_USAGE = ExitCodes.USAGE;
    private static final int EXIT_CONFIG = ExitCodes.CONFIG;
    private static final int EXIT_IO = ExitCodes.IO;
    private static final int CLI_IO_THREADS = 1;
    public static final String SHOW_PAN_ENV = "OPENSCIS_SHOW_PAN";

    private final Function<String, String> env;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    /** Reads {@value #SHOW_PAN_ENV} from the process environment. */
    public ClientCommandRunner() {
        this(System::getenv);
    }

    ClientCommandRunner(Function<String, String> env) {
        this.env = env;
    }

    /** Sends one message with a client built from {@code profile}, then closes it. See the other {@code run}. */
    @Override
    public int run(ClientProfile profile, String msgType, String trxJson, String msgId, PrintStream out) {
        ClientOptions options;
        try {
            options = ClientOptions.builder(profile.baseUrl()).ioThreads(CLI_IO_THREADS).maxConnections(1).build();
        } catch (IllegalArgumentException e) {
            out.println("error: unusable switch URL: " + e.getMessage());
            return EXIT_CONFIG;
        }
        try (AppGatewayClient client = AppGatewayClient.forProfile(profile, options)) {
            return run(client, msgType, trxJson, msgId, out);
        }
    }

    @Override
    public int qrPay(ClientProfile profile, QrPayRequest request, PrintStream out) {
        ClientOptions options;
        try {
            options = ClientOptions.builder(profile.baseUrl()).ioThreads(CLI_IO_THREADS).maxConnections(1).build();
        } catch (IllegalArgumentException e) {
            out.println("error: unusable switch URL: " + e.getMessage());
            return EXIT_CONFIG;
        }
        try (AppGatewayClient client = AppGatewayClient.forProfile(profile, options)) {
            return new QrPayFlow(this).pay(client, request, out);
        }
    }

    @Override
    public int demo(ClientProfile profile, ClientProfile acquirerProfile, int callbackPort, String currency,
            PrintStream out) {
        ClientOptions options;
        try {
            options = ClientOptions.builder(profile.baseUrl()).ioThreads(CLI_IO_THREADS).maxConnections(1).build();
        } catch (IllegalArgumentException e) {
            out.println("error: unusable switch URL: " + e.getMessage());
            return EXIT_CONFIG;
        }
        CallbackReceiver receiver = null;
        AppGatewayClient acquirer = null;
        try (AppGatewayClient client = AppGatewayClient.forProfile(profile, options)) {
            if (acquirerProfile != null) {
                acquirer = AppGatewayClient.forProfile(acquirerProfile, ClientOptions.builder(acquirerProfile.baseUrl())
                        .ioThreads(CLI_IO_THREADS).maxConnections(1).build());
            }
            if (callbackPort > 0) {
                try {
                    receiver = CallbackReceiver.start(ClientIdentity.of(profile),
                            new java.net.InetSocketAddress("127.0.0.1", callbackPort));
                } catch (RuntimeException e) {
                    out.println("note: cannot listen for callbacks on port " + callbackPort + " (" + e.getMessage()
                            + "); continuing without them");
                }
            }
            boolean ok = new DemoJourney(client, acquirer, receiver, out, currency).run();
            return ok ? EXIT_APPROVED : EXIT_NOT_APPROVED;
        } finally {
            if (acquirer != null) {
                acquirer.close();
            }
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    /**
     * Returns 0 when the switch approved ({@code 00}) with a valid signature, 1 for any other response code, 2 for
     * unusable arguments, 4 when no response came (connection refused or closed, timeout, client busy) or the
     * response's signature does not verify.
     */
    public int run(AppGatewayClient client, String msgType, String trxJson, String msgId, PrintStream out) {
        String path = AppGatewayClient.pathOf(msgType);
        if (path == null) {
            out.println("error: " + msgType + " is not a message type the switch receives");
            return EXIT_USAGE;
        }
        TrxInfo trx = TrxInfo.EMPTY;
        if (trxJson != null && !trxJson.isBlank()) {
            trx = codec.decodeObject(trxJson.getBytes(StandardCharsets.UTF_8));
            if (trx == null) {
                out.println("error: trxInfo must be one JSON object");
                return EXIT_USAGE;
            }
        }
        return exchange(client, msgType, trx, msgId, out).exitCode();
    }

    /** One printed exchange: its exit code, the msgID sent and the response's trxInfo (JWE fields decrypted). */
    record Sent(int exitCode, String msgId, TrxInfo trxInfo) {}

    /** Sends {@code trx} as {@code msgType} and prints request and response; see {@link #run(AppGatewayClient,
     * String, String, String, PrintStream)} for the exit codes. */
    Sent exchange(AppGatewayClient client, String msgType, TrxInfo trx, String msgId, PrintStream out) {
        MsgInfo generated = client.newMsgInfo(msgType);
        MsgInfo msgInfo = msgId == null || msgId.isBlank() ? generated
                : new MsgInfo(generated.versionNo(), msgId, generated.timeStamp(), msgType, generated.insID());
        out.println("> POST " + client.options().baseUrl() + AppGatewayClient.pathOf(msgType));
        out.println("> msgInfo " + MaskedJson.render(msgInfo));
        out.println("> trxInfo " + MaskedJson.render(trx));
        SignedExchange exchange;
        try {
            exchange = client.send(RequestSpec.builder(msgType).msgInfo(msgInfo).trxInfo(trx).build()).get();
        } catch (ExecutionException | CompletionException e) {
            return new Sent(failure(e.getCause(), out), msgInfo.msgID(), TrxInfo.EMPTY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("error: interrupted");
            return new Sent(EXIT_IO, msgInfo.msgID(), TrxInfo.EMPTY);
        }
        TrxInfo body = printResponse(client, exchange, out);
        if (!exchange.signatureValid()) {
            return new Sent(EXIT_IO, msgInfo.msgID(), body);
        }
        return new Sent("00".equals(exchange.responseCode()) ? EXIT_APPROVED : EXIT_NOT_APPROVED, msgInfo.msgID(),
                body);
    }

    private static int failure(Throwable cause, PrintStream out) {
        if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof ClientBusyException) {
            out.println("error: no response: " + cause.getMessage());
            return EXIT_IO;
        }
        if (cause instanceof IllegalArgumentException) {
            out.println("error: " + cause.getMessage());
            return EXIT_USAGE;
        }
        if (cause instanceof IllegalStateException) {
            out.println("error: " + cause.getMessage());
            return EXIT_CONFIG;
        }
        out.println("error: " + cause);
        return EXIT_NOT_APPROVED;
    }

    /** Prints the response; returns its trxInfo with JWE fields decrypted ({@link TrxInfo#EMPTY} when none). */
    private TrxInfo printResponse(AppGatewayClient client, SignedExchange exchange, PrintStream out) {
        out.println("< HTTP " + exchange.status());
        out.println("< signature " + (exchange.signatureValid() ? "valid"
                : "INVALID (" + exchange.signatureReason() + ")"));
        if (exchange.envelope() == null) {
            out.println("< body is not a readable envelope (" + exchange.body().length + " bytes)"
                    + (exchange.responseCode() == null ? "" : ", responseCode " + exchange.responseCode()));
            return TrxInfo.EMPTY;
        }
        if (exchange.envelope().msgInfo() != null) {
            out.println("< msgInfo " + MaskedJson.render(exchange.envelope().msgInfo()));
        }
        MsgResponse r = exchange.envelope().msgResponse();
        out.println("< msgResponse " + (r == null ? "missing" : r.responseCode() + " " + r.responseMsg()));
        if (exchange.envelope().trxInfo() != null) {
            FieldDecryption decrypted = client.decryptResponseFields(exchange.envelope().trxInfo());
            out.println("< trxInfo " + MaskedJson.render(decrypted.trxInfo()));
            for (Map.Entry<String, String> f : decrypted.failures().entrySet()) {
                out.println("< " + f.getKey() + " could not be decrypted: " + f.getValue());
            }
            if ("1".equals(env.apply(SHOW_PAN_ENV))) {
                printClearPans(decrypted.trxInfo(), out);
            }
            return decrypted.trxInfo();
        }
        return TrxInfo.EMPTY;
    }

    private static void printClearPans(TrxInfo trx, PrintStream out) {
        for (String field : SensitiveFields.RESPONSE_FIELDS) {
            Object v = trx.get(field);
            if (field.equals("pan") && v instanceof String pan && !SensitiveFields.isCompactJwe(pan)) {
                out.println("< pan (clear) " + pan);
            } else if (v instanceof TrxInfo nested && nested.string("pan") != null) {
                out.println("< " + field + ".pan (clear) " + nested.string("pan"));
            }
        }
    }
}
