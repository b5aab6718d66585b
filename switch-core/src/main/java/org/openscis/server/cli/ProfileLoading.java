package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.openscis.server.keys.ClientProfile;

/**
 * Loads the client profile a command acts with (an App Gateway's or an acquirer's), so that every command explains a
 * missing or broken profile the same way: the first start of the switch with the shipped configuration writes them.
 */
final class ProfileLoading {

    private ProfileLoading() {}

    /**
     * The profile in {@code dir}, its base URL replaced by {@code url} when one is given; empty after telling
     * {@code err} why there is none (the caller then exits with {@link ExitCodes#CONFIG}).
     *
     * @param command what the user ran, e.g. {@code "client"} or {@code "client qr pay"}
     * @param kind    whose profile, e.g. {@code "client"} or {@code "acquirer"}
     */
    static Optional<ClientProfile> load(Path dir, String url, String command, String kind, PrintWriter err) {
        ClientProfile loaded;
        try {
            loaded = ClientProfile.load(dir);
        } catch (NoSuchFileException e) {
            err.println("openscis " + command + ": no " + kind + " profile in " + dir + "; start the switch once with "
                    + "the shipped configuration (switchKeys.generateIfMissing) to create one, or pass --profile DIR");
            return Optional.empty();
        } catch (IOException e) {
            err.println("openscis " + command + ": unusable " + kind + " profile: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(url == null ? loaded : loaded.withBaseUrl(url));
    }
}
