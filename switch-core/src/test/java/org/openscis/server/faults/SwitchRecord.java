package org.openscis.server.faults;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openscis.router.port.TrxState;

/** A row of {@code money_transactions}, as far as the audit needs it. */
record SwitchRecord(String trxId, String msgId, String msgType, String operation, long amountMinor, TrxState state,
        String responseCode) {

    /** Every recorded movement, by the requester's msgID. */
    static Map<String, SwitchRecord> load(FaultySwitch sw) throws SQLException {
        Map<String, SwitchRecord> byMsgId = new HashMap<>();
        List<Map<String, Object>> rows = sw.query("SELECT trx_id, msg_id, msg_type, operation, amount_minor, state, "
                + "response_code FROM money_transactions");
        for (Map<String, Object> r : rows) {
            SwitchRecord rec = new SwitchRecord((String) r.get("trx_id"), (String) r.get("msg_id"),
                    (String) r.get("msg_type"), (String) r.get("operation"), ((Number) r.get("amount_minor")).longValue(),
                    TrxState.valueOf((String) r.get("state")), (String) r.get("response_code"));
            if (byMsgId.put(rec.msgId(), rec) != null) {
                throw new IllegalStateException("two transactions for msgID " + rec.msgId());
            }
        }
        return byMsgId;
    }

    @Override
    public String toString() {
        return "record " + trxId + " " + state + " " + responseCode;
    }
}
