package org.openscis.connector.sim.bank;

import java.util.List;
import java.util.Map;

/** A validated seed: the products OPEN_ACCOUNT may use and the accounts an empty database starts with. */
record SeedData(Map<String, Product> products, List<SeedAccount> accounts) {

    SeedData {
        products = Map.copyOf(products);
        accounts = List.copyOf(accounts);
    }
}
