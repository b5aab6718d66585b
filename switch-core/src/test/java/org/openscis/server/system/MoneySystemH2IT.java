package org.openscis.server.system;

/** The money flows on the embedded default store. */
class MoneySystemH2IT extends MoneySystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
