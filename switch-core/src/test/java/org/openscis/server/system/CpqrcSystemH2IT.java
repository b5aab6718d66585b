package org.openscis.server.system;

/** Consumer-presented QR payments on the embedded default store. */
class CpqrcSystemH2IT extends CpqrcSystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
