/**
 * The {@code openscis} command line (picocli): {@code serve}, {@code keys generate}, {@code client}, {@code demo},
 * {@code outbox} and {@code cbs-sim}, with exit codes scripts can rely on
 * ({@link org.openscis.server.cli.ExitCodes}). The server, the App Gateway client and the core-banking simulator are
 * found through {@link java.util.ServiceLoader} ({@link org.openscis.server.cli.ServerLauncher},
 * {@link org.openscis.server.cli.ClientRunner}, {@link org.openscis.server.cli.SimulatorLauncher}) so this package
 * depends on none of them. The QR tools of {@code client qr} ({@code png}, {@code decode}, {@code mpm}) call the
 * network-free {@link org.openscis.server.client.qr} directly; {@code qr pay} goes through the client runner. This is
 * the one place in production code that prints to stdout and stderr.
 */
package org.openscis.server.cli;
