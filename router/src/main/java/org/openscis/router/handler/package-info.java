/**
 * One handler per message type, plus the small helpers several of them share: {@link
 * org.openscis.router.handler.TokenResolver} (token → card, with the 14/73/55 checks), {@link
 * org.openscis.router.handler.CardUsability} (card state and expiry → response code), {@link
 * org.openscis.router.handler.Provisioner} (new cards and tokens with collision retries) and {@link
 * org.openscis.router.handler.Handlers} (wiring). Handlers are pure business logic over the ports; synchronous
 * ones return completed stages. Nothing here logs or returns a PAN, CVN2 or account number in clear.
 */
package org.openscis.router.handler;
