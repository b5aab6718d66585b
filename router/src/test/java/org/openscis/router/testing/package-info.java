/**
 * In-memory fakes of every router port, a settable clock and request builders, for handler tests (and later for any
 * test that needs a working router without storage or real keys).
 */
package org.openscis.router.testing;
