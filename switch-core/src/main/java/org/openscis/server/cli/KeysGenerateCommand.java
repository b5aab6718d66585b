package org.openscis.server.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.server.keys.SecureFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openscis keys generate}: a new key pair as PEM files (PKCS#8 private, owner-only; SPKI public). */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Generate a key pair: NAME.pem (PKCS#8 private key, owner-only) and NAME.pub.pem (SPKI public "
            + "key).", "Existing files are never overwritten unless --force is given."})
final class KeysGenerateCommand implements Callable<Integer> {

    enum Kind { RSA, EC }

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write to (default: the current one).")
    private Path out = Path.of("");

    @Option(names = "--kind", paramLabel = "rsa|ec", description = "Key type: rsa (default) or ec (P-256).")
    private Kind kind = Kind.RSA;

    @Option(names = "--bits", paramLabel = "N", description = "RSA key size, 2048 (default) to 8192.")
    private Integer bits;

    @Option(names = "--name", paramLabel = "NAME", description = "File name stem (default: key).")
    private String name = "key";

    @Option(names = "--force", description = "Replace existing files.")
    private boolean force;

    KeysGenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        KeyPair pair = kind == Kind.EC ? KeyMaterial.generateEcP256()
                : KeyMaterial.generateRsa(bits == null ? MIN_RSA_BITS : bits);
        Path dir = context.resolve(out);
        Path privateFile = dir.resolve(name + ".pem");
        Path publicFile = dir.resolve(name + ".pub.pem");
        String privatePem = KeyMaterial.toPem(pair.getPrivate());
        String publicPem = KeyMaterial.toPem(pair.getPublic());
        for (Path file : new Path[] {privateFile, publicFile}) {
            if (!force && Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "exists; use --force to replace it");
            }
        }
        SecureFiles.writePrivate(privateFile, privatePem);
        SecureFiles.writePublic(publicFile, publicPem);
        String description = kind == Kind.EC ? "EC P-256" : "RSA " + (bits == null ? MIN_RSA_BITS : bits);
        spec.commandLine().getOut().printf("%s private key: %s%n%s public key:  %s%n", description, privateFile,
                description, publicFile);
        return ExitCodes.OK;
    }

    private void validate() {
        if (kind == Kind.EC && bits != null && bits != 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bits: EC keys are P-256 (256 bits)");
        }
        if (kind == Kind.RSA && bits != null && (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS || bits % 8 != 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bits: RSA keys need 2048 to 8192 bits (a multiple of 8), found " + bits);
        }
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--name: a plain file name stem, found \""
                    + name + "\"");
        }
    }
}
