/**
 * Keys for development and for clients: the development key bootstrap that makes the shipped configuration start
 * without any key preparation, and the App Gateway client profile (a directory with {@code profile.json} and PEM
 * files) that the CLI client, the tests and the bench use to talk to a switch.
 */
package org.openscis.server.keys;
