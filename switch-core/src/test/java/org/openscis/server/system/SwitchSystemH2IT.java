package org.openscis.server.system;

/** The system suite on the embedded default store. */
class SwitchSystemH2IT extends SwitchSystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
