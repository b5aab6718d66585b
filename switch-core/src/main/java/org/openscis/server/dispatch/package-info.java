/**
 * From an admitted request to its response: idempotency (decisions.md §4), running the message type's handler under
 * the request deadline, and building the response envelope. Blocking storage calls happen here, on worker threads.
 */
package org.openscis.server.dispatch;
