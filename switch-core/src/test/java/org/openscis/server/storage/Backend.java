package org.openscis.server.storage;

/** The databases the storage suite runs against. */
enum Backend { H2, POSTGRESQL }
