package org.openscis.server;

import java.time.Clock;
import org.openscis.server.cli.RunningServer;
import org.openscis.server.cli.ServerLauncher;
import org.openscis.server.config.OpenScisConfig;

/** What {@code openscis serve} starts: the real switch on the system clock. */
public final class SwitchLauncher implements ServerLauncher {

    @Override
    public RunningServer start(OpenScisConfig config) throws Exception {
        return SwitchServer.start(config, Clock.systemUTC());
    }
}
