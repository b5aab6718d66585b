/**
 * Performance tooling for OpenSCIS: JMH micro-benchmarks of the per-request hot spots ({@code jmh}), a load
 * generator that drives a running switch ({@code load}) and the realistic message bodies both use
 * ({@code workload}). Nothing here runs inside the switch.
 */
package org.openscis.bench;
