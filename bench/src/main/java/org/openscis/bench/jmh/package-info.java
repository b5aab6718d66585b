/**
 * JMH micro-benchmarks of the switch's per-request work: UPI-JWS verify/sign, JWE decrypt/encrypt, envelope
 * decode/encode, EMV QR parse (MPM) and build/parse (CPM). Crypto benchmarks come as an {@code Accp} and a {@code Jdk} variant; the latter runs in its own fork
 * with {@code -Dopenscis.crypto.accp=false}, so one run measures both providers side by side on the same machine.
 * Run with {@code java -jar bench/target/benchmarks.jar} (see bench/README.md).
 */
package org.openscis.bench.jmh;
