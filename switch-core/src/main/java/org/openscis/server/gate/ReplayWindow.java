package org.openscis.server.gate;

import java.time.Instant;

/** Remembers {@code UPI-UUID}s per participant until they leave the timestamp window (gate step 6). */
public interface ReplayWindow {

    /** True the first time this (insID, uuid) is seen before {@code expiresAt}; false for a replay. */
    boolean firstSeen(String insId, String uuid, Instant expiresAt);
}
