package org.openscis.server.system;

/** CBS faults on the embedded default store. */
class CbsFaultSystemH2IT extends CbsFaultSystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
