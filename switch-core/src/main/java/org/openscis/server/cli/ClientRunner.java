package org.openscis.server.cli;

import java.io.PrintStream;
import org.openscis.server.keys.ClientProfile;

/**
 * Acts as an App Gateway for {@code openscis client}: signs, encrypts the sensitive fields given in plain text,
 * sends, verifies, decrypts and prints. The implementation registers itself in
 * {@code META-INF/services/org.openscis.server.cli.ClientRunner}.
 */
public interface ClientRunner {

    /**
     * Sends one message and prints the outcome to {@code out}.
     *
     * @param msgType  a message type an App Gateway sends, by its wire name (e.g. {@code CVM_INQUIRY})
     * @param trxJson  the {@code trxInfo} JSON object, sensitive fields in plain text
     * @param msgId    the msgID to use, or null to generate one
     * @return an {@link ExitCodes} value: OK for response code 00, FAILED for any other code, IO when the switch
     *         could not be reached or its answer could not be verified
     */
    int run(ClientProfile profile, String msgType, String trxJson, String msgId, PrintStream out);

    /**
     * Runs the demo journey (every App Gateway flow in order) and prints a table to {@code out}.
     *
     * @param acquirer     the demo acquirer's profile, which pays the consumer-presented codes (null: not sent)
     * @param callbackPort where to listen for the switch's callbacks during the demo (0: do not listen)
     * @param currency     the demo product's currency (ISO 4217 numeric)
     * @return OK when every step was approved, FAILED otherwise, IO when the switch could not be reached
     */
    default int demo(ClientProfile profile, ClientProfile acquirer, int callbackPort, String currency,
            PrintStream out) {
        out.println("error: this client implementation cannot run the demo journey");
        return ExitCodes.FAILED;
    }

    /**
     * Pays a merchant-presented QR as a wallet would: MPQRC_PAYMENT_EMV for an EMV string, QRC_INFO_INQUIRY then
     * MPQRC_PAYMENT_URL for a UnionPay URL code; prints every exchange to {@code out}.
     *
     * @return OK when the payment was approved, FAILED for a refusal (by the switch, or of a QR the wallet would not
     *         pay), IO when the switch could not be reached
     */
    default int qrPay(ClientProfile profile, QrPayRequest request, PrintStream out) {
        out.println("error: this client implementation cannot pay QR codes");
        return ExitCodes.FAILED;
    }
}
