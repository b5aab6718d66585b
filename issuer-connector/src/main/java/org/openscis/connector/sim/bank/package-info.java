/**
 * The simulated core banking system: accounts, a double-entry ledger (every movement is postings summing to zero;
 * opening balances come from a FUNDING account, so all balances sum to zero), cash-out holds and KYC decisions in
 * the simulator's own H2 database, and one processor per CBS message type, each applied exactly once per msgID.
 * {@link org.openscis.connector.sim.bank.Bank} is the entry point; the HTTP front is in the parent package.
 */
package org.openscis.connector.sim.bank;
