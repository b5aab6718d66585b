/**
 * Switch-side cryptography for data at rest (decisions.md §6): the {@link org.openscis.server.crypto.DataKeyring}
 * of AES-256 data keys, {@link org.openscis.server.crypto.DataCipher} (AES-256-GCM bound to the row it protects),
 * {@link org.openscis.server.crypto.KeyedHash} for lookups without clear card data, and
 * {@link org.openscis.server.crypto.DerivedCardSecrets} for new card numbers and CVN2. Nothing here prints key
 * material.
 */
package org.openscis.server.crypto;
