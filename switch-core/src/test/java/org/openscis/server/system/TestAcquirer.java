package org.openscis.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.router.MessageType;
import org.openscis.router.port.Participant;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.ClientOptions;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.ParticipantConfig;
import org.openscis.server.keys.ClientProfile;

/**
 * An acquirer participant for system tests: its own RSA signing key pair, the public half configured as a participant
 * of kind ACQUIRER (no callback URL: acquirers are answered synchronously), and a client that signs as it.
 */
final class TestAcquirer {

    static final String INS_ID = "47010344";
    static final String FWD_IIN = "00020344";
    static final String SIGNING_KID = "3000000000001";

    private final KeyPair signing;
    private final Path publicKeyFile;

    TestAcquirer() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            signing = g.generateKeyPair();
            Path dir = Files.createTempDirectory("openscis-acquirer-");
            publicKeyFile = dir.resolve("acquirer-signing.pub.pem");
            Files.writeString(publicKeyFile, KeyMaterial.toPem(signing.getPublic()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds this acquirer to the configured participants. */
    UnaryOperator<OpenScisConfig> configured() {
        return c -> {
            List<ParticipantConfig> participants = new ArrayList<>(c.participants());
            participants.add(new ParticipantConfig(INS_ID, Participant.Kind.ACQUIRER,
                    Map.of(SIGNING_KID, publicKeyFile.toAbsolutePath().toString()), List.of("RS256"), null, null,
                    null, null, Map.of(), List.of(MessageType.CPQRC_PAYMENT, MessageType.REFUND,
                            MessageType.CANCELLATION)));
            return new OpenScisConfig(c.dataDir(), c.listeners(), c.limits(), c.security(), c.switchKeys(),
                    List.copyOf(participants), c.issuers(), c.storage(), c.observability(), c.money(), c.outbox(),
                    c.qr());
        };
    }

    /** A client signing as this acquirer; the switch's keys come from the App Gateway's profile. */
    AppGatewayClient client(ClientProfile appGateway) {
        ClientProfile p = new ClientProfile(appGateway.baseUrl(), INS_ID, SIGNING_KID, signing.getPrivate(),
                appGateway.encryptionKid(), appGateway.encryptionKey(), appGateway.switchSigningKid(),
                appGateway.switchSigningPublicKey(), appGateway.switchEncryptionKid(),
                appGateway.switchEncryptionPublicKey());
        return AppGatewayClient.forProfile(p, ClientOptions.builder(p.baseUrl()).maxConnections(4).build());
    }
}
