package org.openscis.server.gate;

import java.util.Optional;

/** Looks up configured participants by {@code insID} (= {@code UPI-APPID}). */
public interface ParticipantDirectory {

    Optional<ParticipantEntry> find(String insId);
}
