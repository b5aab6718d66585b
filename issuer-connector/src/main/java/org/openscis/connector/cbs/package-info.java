/** The CBS wire protocol both sides share: message types, paths and which fields travel as JWE. */
package org.openscis.connector.cbs;
