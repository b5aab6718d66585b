package org.openscis.codec.jose;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM armour (RFC 7468): labelled base64 blocks, read and written. Errors are IllegalArgumentException. */
final class Pem {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String RSA_PRIVATE_KEY = "RSA PRIVATE KEY";
    static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String RSA_PUBLIC_KEY = "RSA PUBLIC KEY";
    static final String CERTIFICATE = "CERTIFICATE";

    private static final int LINE_CHARS = 64;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,40})-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(LINE_CHARS, new byte[] {'\n'});

    record Block(String label, byte[] der) {}

    private Pem() {}

    static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    /** Every block in {@code text}, in order. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>(2);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            String body = m.group(2);
            if (body.indexOf(':') >= 0) {
                // RFC 1421 headers: in practice only "Proc-Type: 4,ENCRYPTED" of traditional OpenSSL files.
                throw new IllegalArgumentException("PEM block " + label
                        + " has headers (an encrypted traditional key?); convert it with: openssl pkcs8 -topk8 -nocrypt");
            }
            try {
                blocks.add(new Block(label, Base64.getDecoder().decode(body.replaceAll("\\s+", ""))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block " + label + " is not valid base64");
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no complete PEM block (BEGIN/END lines do not match)");
        }
        return blocks;
    }

    static String write(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + LINES.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
