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
}
