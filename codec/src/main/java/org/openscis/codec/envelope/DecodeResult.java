package org.openscis.codec.envelope;

/** Decoding a body: an envelope, or why no envelope could be read (HTTP 400, decisions.md §2). Never an exception. */
public sealed interface DecodeResult {

    record Ok(Envelope envelope) implements DecodeResult {}

    record Unreadable(String reason) implements DecodeResult {}
}
