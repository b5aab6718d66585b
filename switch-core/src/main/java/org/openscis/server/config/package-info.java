/**
 * Configuration: the YAML model, {@code ${ENV:default}} interpolation, defaults and validation at start with
 * messages that name the bad key.
 */
package org.openscis.server.config;
