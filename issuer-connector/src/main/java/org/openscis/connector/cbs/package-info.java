/**
 * The CBS link: the wire protocol both sides share ({@link org.openscis.connector.cbs.CbsProtocol}: message types,
 * paths, JWE fields) and the switch's client ({@link org.openscis.connector.cbs.CbsClient}), which builds envelopes,
 * encrypts and decrypts the JWE fields and maps a {@link org.openscis.connector.link.LinkResult} to a
 * {@link org.openscis.connector.cbs.CbsResult}.
 */
package org.openscis.connector.cbs;
