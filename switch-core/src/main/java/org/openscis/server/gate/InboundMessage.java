package org.openscis.server.gate;

import org.openscis.codec.envelope.DecodeResult;
import org.openscis.router.MessageType;

/**
 * What arrived: the message type its path names, the path, the {@code UPI-JWS} header value (may be null), the raw
 * body bytes as received (the signature covers exactly these) and their decoding.
 */
public record InboundMessage(MessageType pathType, String path, String upiJws, byte[] body, DecodeResult decoded) {}
