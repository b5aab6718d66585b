/** System tests: the real switch on loopback sockets, driven by a client that knows only the client profile. */
package org.openscis.server.system;
