/**
 * Seeded fault injection against the real switch: thousands of money movements while the embedded CBS simulator
 * delays, drops, leaves unanswered and refuses messages and the switch is stopped and restarted mid-flight, then
 * checks that every movement ended final, was applied exactly once or not at all, that the ledger balances with
 * the switch's records and that every pending answer was followed by its notification. A failing run prints its
 * seed; {@code -Dopenscis.faults.seed=N} replays it.
 */
package org.openscis.server.faults;
