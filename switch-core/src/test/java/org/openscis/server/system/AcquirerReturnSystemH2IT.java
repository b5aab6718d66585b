package org.openscis.server.system;

/** REFUND and CANCELLATION on the embedded default store. */
class AcquirerReturnSystemH2IT extends AcquirerReturnSystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
