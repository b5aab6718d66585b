package org.openscis.router.port;

/** Lifecycle of a card or token (decisions.md §6). DELETED is terminal. */
public enum CardState { ACTIVE, SUSPENDED, DELETED }
