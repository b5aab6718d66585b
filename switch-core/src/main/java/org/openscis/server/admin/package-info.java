/** The operators' listener: liveness, readiness and Prometheus metrics. Loopback by default. */
package org.openscis.server.admin;
