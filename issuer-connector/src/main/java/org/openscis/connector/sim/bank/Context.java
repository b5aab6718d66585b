package org.openscis.connector.sim.bank;

import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;

/** One message being processed: its transaction, its msgID and type, the time and the seed's products. */
record Context(DSLContext tx, String msgId, String msgType, Instant now, Map<String, Product> products) {

    long nowMillis() {
        return now.toEpochMilli();
    }
}
