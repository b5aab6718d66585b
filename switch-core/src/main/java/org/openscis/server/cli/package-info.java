/**
 * The {@code openscis} command line (picocli): {@code serve}, {@code keys generate} and {@code client}, with exit
 * codes scripts can rely on ({@link org.openscis.server.cli.ExitCodes}). The server and the App Gateway client are
 * found through {@link java.util.ServiceLoader} ({@link org.openscis.server.cli.ServerLauncher},
 * {@link org.openscis.server.cli.ClientRunner}) so this package depends on neither. This is the one place in
 * production code that prints to stdout and stderr.
 */
package org.openscis.server.cli;
