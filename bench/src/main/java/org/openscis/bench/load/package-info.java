/**
 * The load generator: {@code LoadMain load} drives a running switch at a constant open-loop rate over many
 * keep-alive connections with the App Gateway client library, records latency from each request's intended send
 * time (so a stalled switch cannot hide behind a stalled generator: coordinated omission is corrected), and writes a
 * Markdown report to {@code bench/results/}. Besides inquiries and enrolments it sends the money types (bill
 * payments, transfers between its warm-up accounts, top-ups, cash-out tokens) against accounts that exist at the
 * issuer's CBS; it can measure a second mix side by side in alternating rounds, receive the switch's callbacks,
 * watch the switch's outbound links through its {@code /metrics}, read the switch's CPU time, and time a
 * crypto-only ceiling per mix in the same run.
 */
package org.openscis.bench.load;
