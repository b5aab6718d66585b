/**
 * The embedded core-banking simulator: {@link org.openscis.connector.sim.CbsSimulator} serves the CBS side of the
 * switch → CBS protocol over HTTP/1.1 (signature checks, JWE fields, idempotency on msgID) in front of the simulated
 * bank of {@link org.openscis.connector.sim.bank}, with seeded fault injection
 * ({@link org.openscis.connector.sim.FaultPlan}) and loopback admin endpoints under {@code /sim/}.
 */
package org.openscis.connector.sim;
