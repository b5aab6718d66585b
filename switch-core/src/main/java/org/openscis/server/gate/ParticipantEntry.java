package org.openscis.server.gate;

import java.util.Set;
import org.openscis.router.port.Participant;

/** A participant as the gate needs it: the business view plus the JWS algorithms it may sign with. */
public record ParticipantEntry(Participant participant, Set<String> signingAlgorithms) {}
