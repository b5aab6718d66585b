/** Logback converters that mask card numbers in every line the switch writes. */
package org.openscis.server.logging;
