/** Test support for switch-core: keys, clocks. */
package org.openscis.server.testing;
