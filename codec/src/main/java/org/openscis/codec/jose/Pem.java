package org.openscis.codec.jose;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    /** RFC 7468 labels in use are at most a few words. */
    private static final int MAX_LABEL_CHARS = 64;
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(LINE_CHARS, new byte[] {'\n'});

    record Block(String label, byte[] der) {}

    private Pem() {}

    static boolean looksLikePem(String text) {
        return text.contains(BEGIN);
    }

    /** Every block in {@code text}, in order. Linear in the text length (plain searches, no backtracking). */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>(2);
        int from = 0;
        int begin;
        while ((begin = text.indexOf(BEGIN, from)) >= 0) {
            int labelStart = begin + BEGIN.length();
            int labelEnd = text.indexOf(DASHES, labelStart);
            if (labelEnd < 0 || labelEnd - labelStart > MAX_LABEL_CHARS) {
                throw new IllegalArgumentException("PEM BEGIN line is malformed");
            }
            String label = text.substring(labelStart, labelEnd);
            String endLine = END + label + DASHES;
            int bodyStart = labelEnd + DASHES.length();
            int bodyEnd = text.indexOf(endLine, bodyStart);
            if (bodyEnd < 0) {
                throw new IllegalArgumentException("PEM block " + label + " has no matching END line");
            }
            blocks.add(new Block(label, decode(label, text.substring(bodyStart, bodyEnd))));
            from = bodyEnd + endLine.length();
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PEM block");
        }
        return blocks;
    }

    private static byte[] decode(String label, String body) {
        if (body.indexOf(':') >= 0) {
            // RFC 1421 headers: in practice only "Proc-Type: 4,ENCRYPTED" of traditional OpenSSL files.
            throw new IllegalArgumentException("PEM block " + label
                    + " has headers (an encrypted traditional key?); convert it with: openssl pkcs8 -topk8 -nocrypt");
        }
        StringBuilder base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                base64.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block " + label + " is not valid base64");
        }
    }

    static String write(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + LINES.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
