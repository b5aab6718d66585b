/**
 * Realistic SCIS message content shared by the micro-benchmarks and the load generator, so that both measure the
 * same body sizes and field shapes (protocol.md §3.4, §3.9, §7.4, §7.6).
 */
package org.openscis.bench.workload;
