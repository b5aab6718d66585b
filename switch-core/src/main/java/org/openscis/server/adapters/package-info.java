/**
 * Adapters from configuration and keys to the router's ports: the product catalog, the participant directory, key
 * registries and field encryption. Storage adapters live in {@code org.openscis.server.storage}.
 */
package org.openscis.server.adapters;
