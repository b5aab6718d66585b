package org.openscis.server.system;

/** The QR tools against the switch on the embedded default store. */
class QrToolsSystemH2IT extends QrToolsSystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
