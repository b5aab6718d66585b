package org.openscis.server.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch's secret keys for data at rest, kept in one JSON file (owner-only permissions where the file system
 * supports POSIX permissions):
 * <ul>
 *   <li>AES-256 <em>data keys</em> with ids; the newest encrypts new writes, all stay readable (decisions.md §6);</li>
 *   <li>the 256-bit <em>index key</em> for {@link KeyedHash} lookups;</li>
 *   <li>the 256-bit <em>card secret key</em> CVN2 is derived with ({@link DerivedCardSecrets}).</li>
 * </ul>
 * The index and card secret keys never rotate: changing them would orphan every lookup hash and every CVN2 issued.
 * Several nodes sharing a database must use copies of the same file; rotate on one node, then copy the file to the
 * others before they write (a node cannot read rows under a key id it does not have).
 *
 * <p>Thread-safe: readers see an immutable snapshot; {@link #rotate()} saves the file before the new key is used.
 * {@link #toString()} shows ids only.
 */
public final class DataKeyring {

    private static final Logger LOG = LoggerFactory.getLogger(DataKeyring.class);

    /** AES-256 and HMAC-SHA256 keys are this long. */
    static final int KEY_LENGTH_BYTES = 32;
    /** Key ids are written into every ciphertext with a one-byte length prefix; keep them short. */
    static final int MAX_KEY_ID_LENGTH_CHARS = 64;
    private static final String FORMAT = "openscis-data-keyring";
    private static final int VERSION = 1;
    private static final int KEY_ID_RANDOM_BYTES = 3;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    private final SecretKey indexKey;
    private final SecretKey cardSecretKey;
    private volatile List<DataKey> dataKeys;

    private DataKeyring(Path file, Clock clock, SecureRandom random, SecretKey indexKey, SecretKey cardSecretKey,
            List<DataKey> dataKeys) {
        this.file = file;
        this.clock = clock;
        this.random = random;
        this.indexKey = indexKey;
        this.cardSecretKey = cardSecretKey;
        this.dataKeys = List.copyOf(dataKeys);
    }

    /** {@link #open(Path, boolean, Clock)} with the system clock for key creation times. */
    public static DataKeyring open(Path file, boolean createIfMissing) throws IOException {
        return open(file, createIfMissing, Clock.systemUTC());
    }

    /**
     * Loads the keyring file, or creates it with fresh keys when it is missing and {@code createIfMissing} is set.
     *
     * @throws IOException if the file is missing (and may not be created), unreadable or malformed; the message names
     *     the file and the problem, never key material
     */
    public static DataKeyring open(Path file, boolean createIfMissing, Clock clock) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return load(absolute, clock);
        }
        if (!createIfMissing) {
            throw new NoSuchFileException(absolute.toString(), null, "data keyring file is missing");
        }
        DataKeyring created = generate(absolute, clock);
        created.save(created.dataKeys, true);
        LOG.info("Created data keyring {} with data key {}", absolute, created.currentKeyId());
        return created;
    }

    /** A keyring that lives in memory only (tests, tools); {@link #rotate()} works but saves nothing. */
    public static DataKeyring ephemeral(Clock clock) {
        return generate(null, clock);
    }

    private static DataKeyring generate(Path file, Clock clock) {
        SecureRandom random = new SecureRandom();
        List<DataKey> keys = List.of(newDataKey(random, clock, 1));
        return new DataKeyring(file, clock, random, aes(randomBytes(random)), hmac(randomBytes(random)), keys);
    }

    /** The id of the key new writes are encrypted with. */
    public String currentKeyId() {
        return currentKey().id();
    }

    /** All data key ids, oldest first. */
    public List<String> keyIds() {
        return dataKeys.stream().map(DataKey::id).toList();
    }

    /** Where the keyring is saved; empty for an {@link #ephemeral} keyring. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Adds a new data key, saves the file, and only then makes the key current, so nothing is ever encrypted under a
     * key that is not on disk. Returns the new key's id.
     */
    public synchronized String rotate() throws IOException {
        List<DataKey> next = new ArrayList<>(dataKeys);
        next.add(newDataKey(random, clock, next.size() + 1));
        save(next, false);
        dataKeys = List.copyOf(next);
        String id = currentKeyId();
        LOG.info("Rotated data keys: new writes use {}", id);
        return id;
    }

    DataKey currentKey() {
        List<DataKey> keys = dataKeys;
        return keys.get(keys.size() - 1);
    }

    Optional<DataKey> key(String id) {
        for (DataKey k : dataKeys) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    SecretKey indexKey() {
        return indexKey;
    }

    SecretKey cardSecretKey() {
        return cardSecretKey;
    }

    @Override
    public String toString() {
        return "DataKeyring[" + (file == null ? "in memory" : file) + ", dataKeys=" + keyIds() + "]";
    }

    private static DataKey newDataKey(SecureRandom random, Clock clock, int ordinal) {
        byte[] suffix = new byte[KEY_ID_RANDOM_BYTES];
        random.nextBytes(suffix);
        // The random suffix keeps ids distinct even if two copies of a keyring were rotated independently, so a
        // mix-up shows as "unknown key id" instead of a failed authentication tag.
        String id = "dk" + ordinal + "-" + HexFormat.of().formatHex(suffix);
        return new DataKey(id, aes(randomBytes(random)), clock.instant());
    }

    private static byte[] randomBytes(SecureRandom random) {
        byte[] b = new byte[KEY_LENGTH_BYTES];
        random.nextBytes(b);
        return b;
    }

    private static SecretKey aes(byte[] material) {
        return new SecretKeySpec(material, "AES");
    }

    private static SecretKey hmac(byte[] material) {
        return new SecretKeySpec(material, "HmacSHA256");
    }

    // ---- file format ----------------------------------------------------------------------------------------

    private static DataKeyring load(Path file, Clock clock) throws IOException {
        warnIfReadableByOthers(file);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // Jackson's message may quote file content, which is key material: report the position only.
            throw malformed(file, "not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed(file, "not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt(-1) != VERSION) {
            throw malformed(file, "expected format \"" + FORMAT + "\" version " + VERSION);
        }
        SecretKey indexKey = hmac(keyBytes(file, root.path("indexKey"), "indexKey"));
        SecretKey cardSecretKey = hmac(keyBytes(file, root.path("cardSecretKey"), "cardSecretKey"));
        JsonNode array = root.path("dataKeys");
        if (!array.isArray() || array.isEmpty()) {
            throw malformed(file, "dataKeys must be a non-empty array");
        }
        List<DataKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : array) {
            String id = node.path("id").asText("");
            if (!validKeyId(id)) {
                throw malformed(file, "data key id must be 1 to " + MAX_KEY_ID_LENGTH_CHARS
                        + " characters of [A-Za-z0-9._-]");
            }
            if (!ids.add(id)) {
                throw malformed(file, "duplicate data key id " + id);
            }
            Instant createdAt;
            try {
                createdAt = Instant.parse(node.path("createdAt").asText(""));
            } catch (DateTimeParseException e) {
                throw malformed(file, "data key " + id + ": createdAt is not an ISO-8601 instant");
            }
            keys.add(new DataKey(id, aes(keyBytes(file, node.path("key"), "data key " + id)), createdAt));
        }
        return new DataKeyring(file, clock, new SecureRandom(), indexKey, cardSecretKey, keys);
    }

    private static boolean validKeyId(String id) {
        return !id.isEmpty() && id.length() <= MAX_KEY_ID_LENGTH_CHARS && id.matches("[A-Za-z0-9._-]+");
    }

    private static byte[] keyBytes(Path file, JsonNode node, String what) throws IOException {
        byte[] bytes;
        try {
            bytes = node.isTextual() ? Base64.getDecoder().decode(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != KEY_LENGTH_BYTES) {
            throw malformed(file, what + " must be " + KEY_LENGTH_BYTES + " bytes in base64");
        }
        return bytes;
    }

    private static IOException malformed(Path file, String problem) {
        return new IOException("data keyring " + file + ": " + problem);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warn("Data keyring {} is accessible to other users ({}); restrict it to the owner (chmod 600)",
                        file, PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot check permissions of {}: {}", file, e.toString());
        }
    }

    private byte[] serialize(List<DataKey> keys) throws JsonProcessingException {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("indexKey", b64.encodeToString(indexKey.getEncoded()));
        root.put("cardSecretKey", b64.encodeToString(cardSecretKey.getEncoded()));
        ArrayNode array = root.putArray("dataKeys");
        for (DataKey k : keys) {
            ObjectNode node = array.addObject();
            node.put("id", k.id());
            node.put("createdAt", k.createdAt().toString());
            node.put("key", b64.encodeToString(k.key().getEncoded()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /**
     * Writes the keyring to a temporary owner-only file next to the target, forces it to disk and moves it into
     * place atomically, so a crash never leaves a half-written keyring. {@code mustNotExist} guards creation against
     * a concurrent creator.
     */
    private void save(List<DataKey> keys, boolean mustNotExist) throws IOException {
        if (file == null) {
            return;
        }
        Path dir = file.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = createOwnerOnly(file.resolveSibling(file.getFileName() + ".tmp"));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(serialize(keys));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (mustNotExist && Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "data keyring appeared concurrently");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createOwnerOnly(Path path) throws IOException {
        Files.deleteIfExists(path);
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createFile(path, attr);
        }
        return Files.createFile(path);
    }
}
