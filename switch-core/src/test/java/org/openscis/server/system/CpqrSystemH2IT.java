package org.openscis.server.system;

/** QRC_GENERATION on the embedded default store. */
class CpqrSystemH2IT extends CpqrSystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
