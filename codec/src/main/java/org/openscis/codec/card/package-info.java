/** Card-number arithmetic (Luhn) shared by PAN, token and barcode generation and validation. */
package org.openscis.codec.card;
