/** The core-banking link: the switch's client to issuers' CBS endpoints and the embedded CBS simulator. */
package org.openscis.connector;
