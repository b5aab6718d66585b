package org.openscis.server.client;

import java.util.List;
import org.openscis.codec.envelope.TrxInfo;

/** What a wallet would send for a scanned QR code, or why it would not pay it. */
public sealed interface QrPlan {

    /** A request of {@code msgType}; {@code notes} tell the person what the wallet chose (tip, fee, prompts skipped). */
    record Send(String msgType, TrxInfo trxInfo, List<String> notes) implements QrPlan {
        public Send {
            notes = List.copyOf(notes);
        }
    }

    record Refused(String reason) implements QrPlan {}
}
