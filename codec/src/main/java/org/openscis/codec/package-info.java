/**
 * Wire formats of the SCIS protocol and nothing else: no I/O, no storage, no business rules.
 * Sub-packages hold the envelope, JOSE, money, card-number and masking helpers.
 */
package org.openscis.codec;
