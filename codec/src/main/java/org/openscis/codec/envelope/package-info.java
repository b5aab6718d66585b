/**
 * The SCIS envelope ({@code msgInfo}, {@code trxInfo}, {@code msgResponse}), its streaming JSON codec and the
 * field validation primitives handlers use. Decoding never throws for bad input: it returns a failure value.
 */
package org.openscis.codec.envelope;
