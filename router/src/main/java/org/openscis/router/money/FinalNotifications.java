package org.openscis.router.money;

import java.util.List;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TrxState;

/** The callbacks a movement's final state causes; they are stored with the state change, in one transaction. */
@FunctionalInterface
public interface FinalNotifications {

    /** No callback: the requester learns the outcome from the response. */
    FinalNotifications NONE = (trx, state, responseCode) -> List.of();

    /** @param trx the transaction as it will be stored ({@code state} and {@code responseCode} already set) */
    List<Notification> forFinal(MoneyTransaction trx, TrxState state, String responseCode);
}
