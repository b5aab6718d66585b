/** The switch's composition root: {@code SwitchServer} builds and starts everything from the configuration. */
package org.openscis.server;
