/** Micrometer meters of the switch, exposed in Prometheus text format on the admin listener. */
package org.openscis.server.metrics;
