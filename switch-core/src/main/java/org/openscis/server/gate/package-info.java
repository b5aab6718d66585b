/**
 * The security gate of decisions.md §3: the ordered checks every inbound message passes before any business logic
 * runs. The first failure decides the response code; nothing here changes business state (the replay window records
 * a UUID only once the signature is proven).
 */
package org.openscis.server.gate;
