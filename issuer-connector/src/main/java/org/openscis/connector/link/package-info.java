/**
 * A non-blocking Netty HTTP/1.1 client for signed envelopes: {@link org.openscis.connector.link.PeerLink}, one per
 * peer origin (an issuer's CBS; later App Gateway callback endpoints).
 *
 * <p>Design. A link keeps all its connections and its state on one event loop of the group it is given, so the pool,
 * the wait queue, the circuit breaker and the reconnect backoff need no locks; signing happens on the caller's thread
 * before the hop. Several links spread over the group's loops. Each connection carries one exchange at a time (no
 * pipelining); its pipeline is TLS (optional), the HTTP client codec, {@code ResponseAggregator} (body limit) and
 * {@code ExchangeHandler} (request/answer matching); {@code LinkPool} decides what goes where and when;
 * {@code ResponseVerifier} checks the answer's signature before decoding it.
 *
 * <p>The one semantic that matters to callers moving money: a call is {@code NotSent} only when none of its bytes can
 * have reached a socket (refused at admission, queued past its deadline, no connection possible); from the moment its
 * request is handed to a connection, every failure is {@code NoAnswer}, and the caller must find out what happened
 * (the CBS is idempotent on msgID). A call that times out closes its connection, so a late answer is never taken for
 * another call's.
 */
package org.openscis.connector.link;
