package org.openscis.server.cli;

import org.openscis.server.config.OpenScisConfig;

/**
 * Starts the switch for {@code openscis serve}. The implementation registers itself in
 * {@code META-INF/services/org.openscis.server.cli.ServerLauncher}; {@link Main} uses the first one found.
 */
public interface ServerLauncher {

    /**
     * Starts listening with a validated configuration (keys already present). Returns once both listeners are
     * bound. An IOException (e.g. the port is taken) ends the command with {@link ExitCodes#IO}.
     */
    RunningServer start(OpenScisConfig config) throws Exception;
}
