/** Money: ISO 4217 currencies and exponents, amounts as {@code long} minor units, wire amount parsing. */
package org.openscis.codec.money;
