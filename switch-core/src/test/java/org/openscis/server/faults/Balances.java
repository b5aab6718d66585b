package org.openscis.server.faults;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openscis.connector.sim.bank.AccountView;
import org.openscis.connector.sim.bank.Ledger;

/** Ledger and available balances of some accounts at one moment, in minor units. */
record Balances(Map<String, Long> ledger, Map<String, Long> available) {

    static Balances read(Ledger l, Collection<String> accounts) {
        Map<String, Long> ledger = new LinkedHashMap<>();
        Map<String, Long> available = new LinkedHashMap<>();
        for (String a : accounts) {
            AccountView v = l.account(a).orElseThrow(() -> new IllegalStateException("no account " + a));
            ledger.put(a, v.balanceMinor());
            available.put(a, v.availableMinor());
        }
        return new Balances(ledger, available);
    }
}
