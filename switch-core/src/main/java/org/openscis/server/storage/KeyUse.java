package org.openscis.server.storage;

/** What a participant's exchanged public key is for, as stored in {@code participant_keys.key_use}. */
public enum KeyUse {
    /** Verifies the participant's signatures. */
    SIG,
    /** The switch encrypts sensitive fields to it. */
    ENC
}
