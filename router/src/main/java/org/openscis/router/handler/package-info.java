/**
 * One handler per message type, plus the small helpers several of them share: {@link
 * org.openscis.router.handler.TokenResolver} (token → card, with the 14/73/55 checks), {@link
 * org.openscis.router.handler.CardUsability} (card state and expiry → response code), {@link
 * org.openscis.router.handler.Provisioner} (new cards and tokens with collision retries), {@link
 * org.openscis.router.handler.CbsQuery} (CBS calls that move no money, reply → response code), {@code SealedCvmInfo}
 * (the {@code cvmInfo} JWE → JSON object, A0/30) and {@link org.openscis.router.handler.Handlers} / {@link
 * org.openscis.router.handler.OnboardingHandlers} (wiring). Handlers are pure business logic over the ports;
 * synchronous ones return completed stages, those that call the CBS complete on the thread that completes the call.
 * Nothing here logs or returns a PAN, CVN2, account number or KYC data in clear.
 */
package org.openscis.router.handler;
