/**
 * The load generator: {@code LoadMain load} drives a running switch at a constant open-loop rate over many
 * keep-alive connections with the App Gateway client library, records latency from each request's intended send
 * time (so a stalled switch cannot hide behind a stalled generator: coordinated omission is corrected), measures a
 * crypto-only ceiling in the same run and writes a Markdown report to {@code bench/results/}.
 */
package org.openscis.bench.load;
