package org.openscis.server.system;

/** The merchant-presented QR flows on the embedded default store. */
class QrMerchantSystemH2IT extends QrMerchantSystemTests {

    @Override
    boolean postgres() {
        return false;
    }
}
