package org.openscis.server.cli;

/** Exit codes of every {@code openscis} command, stable for scripts. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran but the outcome is a failure: a response code other than 00, a server that stopped badly. */
    public static final int FAILED = 1;
    /** Wrong arguments or options. */
    public static final int USAGE = 2;
    /** The configuration (or client profile) is invalid. */
    public static final int CONFIG = 3;
    /** A file could not be read or written, a socket could not be bound, a connection failed. */
    public static final int IO = 4;

    private ExitCodes() {}
}
