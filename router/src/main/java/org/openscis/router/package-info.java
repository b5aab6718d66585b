/**
 * The message-type registry and the business decisions of every message type, one handler class each (in
 * {@code handler}), over the ports in {@code port}. No network code lives here.
 */
package org.openscis.router;
