/**
 * Ports: what handlers need from the outside (storage, configuration, crypto), as interfaces and plain records.
 * {@code switch-core} supplies the adapters; tests supply in-memory fakes.
 */
package org.openscis.router.port;
