package org.openscis.server.money;

import java.util.List;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TrxState;

/** The callbacks a transaction's final state causes (TRX_RESULT_NOTIFICATION), committed with the state change. */
@FunctionalInterface
public interface FinalNotices {

    List<Notification> forFinal(MoneyTransaction trx, TrxState finalState, String responseCode);
}
