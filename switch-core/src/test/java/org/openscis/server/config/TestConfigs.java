package org.openscis.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small valid configurations written to a temporary directory, and the shipped one. */
public final class TestConfigs {

    /** A valid configuration whose keys live in the data directory and may be generated. */
    public static final String MINIMAL = """
            switchKeys:
              signingKid: "1000000000001"
              signingKeyFile: "data:keys/switch-signing.pem"
              encryptionKeys:
                - kid: "1000000000002"
                  file: "data:keys/switch-encryption.pem"
              generateIfMissing: true
            participants:
              - insID: "39990157"
                signingKeys:
                  "2000000000001": "data:keys/appgw-signing.pub.pem"
                encryptionKid: "2000000000002"
                encryptionKeyFile: "data:keys/appgw-encryption.pub.pem"
                callbackUrl: http://127.0.0.1:8082/callback
            issuers:
              - iin: "62000001"
                name: Test Bank
                products:
                  - prdNo: "1003"
                    bin: "62351000"
                    tokenBin: "62920000"
                    cardType: Virtual Card
                    currency: "344"
                    cardFaces:
                      - id: "100101"
                        file: face.png
            """;

    private TestConfigs() {}

    /** Writes {@code yaml} as {@code openscis.yaml} into {@code dir}, with a tiny PNG {@code face.png} beside it. */
    public static Path write(Path dir, String yaml) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("face.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        return Files.writeString(dir.resolve("openscis.yaml"), yaml);
    }

    /** The repository's {@code conf/openscis.yaml}, found from the test's working directory upwards. */
    public static Path shipped() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("conf/openscis.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("conf/openscis.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public static ConfigLoader.Builder loader(Path workingDir, Map<String, String> env) {
        return ConfigLoader.builder().workingDir(workingDir).env(env::get);
    }
}
