/**
 * Configuration: the YAML model ({@link org.openscis.server.config.OpenScisConfig} and its records),
 * {@code ${ENV:default}} interpolation, defaults and validation at start with messages that name the bad key
 * ({@link org.openscis.server.config.ConfigLoader}).
 *
 * <p>File names: {@code data:x} lies in the data directory, other relative names are relative to the configuration
 * file's directory, and the data directory itself (default {@code ./data}) is relative to the working directory.
 * After loading, every file name in the records is absolute.
 */
package org.openscis.server.config;
