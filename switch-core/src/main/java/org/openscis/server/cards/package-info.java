/**
 * Card state changes the system makes on its own: {@link org.openscis.server.cards.CardExpirySweep} marks cards past
 * their expiry SUSPENDED with reason EXPIRED, and their wallets are told by CARD_STATUS_NOTIFICATION (decisions.md §6;
 * the storage side is {@link org.openscis.server.storage.JdbcCardStates}).
 */
package org.openscis.server.cards;
