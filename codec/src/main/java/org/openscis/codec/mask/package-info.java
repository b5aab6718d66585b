/** PCI masking of card numbers and secrets for logs, errors and {@code toString()}. */
package org.openscis.codec.mask;
