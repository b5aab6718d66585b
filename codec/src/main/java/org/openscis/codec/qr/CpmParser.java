package org.openscis.codec.qr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EMV CPM reader (qr.md §9.1): base64, BER-TLV, PFI "CPV01" first, the first application template whose AID (5-16
 * bytes) starts with a supported AID prefix, POI data without duplicates, a PAN from 5A or track 2. Thread-safe;
 * never throws on any input.
 */
public final class CpmParser {

    /** Base64 of 85 05 "CPV": every CPM payload starts with it. */
    public static final String PREFIX = "hQVDUFY";
    static final int PFI = 0x85;
    static final int APPLICATION_TEMPLATE = 0x61;
    static final int COMMON_TEMPLATE = 0x62;
    static final int APPLICATION_TRANSPARENT = 0x63;
    static final int COMMON_TRANSPARENT = 0x64;
    static final int AID = 0x4F;
    static final int TRACK2 = 0x57;
    static final int PAN = 0x5A;
    static final byte[] CPV01 = "CPV01".getBytes(StandardCharsets.US_ASCII);
    static final int MIN_AID_BYTES = 5;
    static final int MAX_AID_BYTES = 16;
    private static final int MAX_PAN_DIGITS = 19;

    private final List<byte[]> supportedAidPrefixes;

    /** @param supportedAidPrefixes AIDs (hex) this switch routes; an AID matches when it starts with one of them */
    public CpmParser(List<String> supportedAidPrefixes) {
        List<byte[]> prefixes = new ArrayList<>();
        for (String hex : supportedAidPrefixes) {
            prefixes.add(HexFormat.of().parseHex(hex));
        }
        this.supportedAidPrefixes = List.copyOf(prefixes);
    }

    /** Parses one base64 payload; the result is Parsed or Failed, never an exception. */
    public CpmResult parse(String base64) {
        try {
            return parseChecked(base64);
        } catch (RuntimeException bug) {
            // A defect in a check must not turn a bad code into an uncaught exception on a request thread.
            return new CpmResult.Failed(CpmError.BER_TRUNCATED, "unparseable payload (" + bug.getClass().getSimpleName() + ")");
        }
    }

    private CpmResult parseChecked(String base64) {
        if (base64 == null || !base64.startsWith(PREFIX)) {
            return fail(CpmError.CPM_PREFIX, "does not start with " + PREFIX);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return fail(CpmError.BASE64, "not RFC 4648 base64");
        }
        BerResult ber = BerTlv.read(bytes);
        if (ber instanceof BerResult.Failed f) {
            return fail(f.error(), f.detail());
        }
        List<Tlv> objects = ((BerResult.Parsed) ber).objects();
        if (objects.isEmpty() || objects.get(0).tag() != PFI) {
            return fail(CpmError.PFI_NOT_FIRST, "first object is not 85");
        }
        if (!Arrays.equals(objects.get(0).valueUnsafe(), CPV01)) {
            return fail(CpmError.PFI_VALUE, "85 is not CPV01");
        }
        Tlv chosen = null;
        Tlv common = null;
        boolean anyApplication = false;
        for (Tlv t : objects) {
            if (t.tag() == APPLICATION_TEMPLATE) {
                anyApplication = true;
                if (chosen == null && eligible(t)) {
                    chosen = t;
                }
            } else if (t.tag() == COMMON_TEMPLATE && common == null) {
                common = t;
            }
        }
        if (!anyApplication) {
            return fail(CpmError.NO_APPLICATION_TEMPLATE, "no 61");
        }
        if (chosen == null) {
            return fail(CpmError.NO_ELIGIBLE_APPLICATION, "no 61 with a supported AID");
        }
        Map<Integer, byte[]> poi = new HashMap<>();
        Map<Integer, byte[]> transparent = new HashMap<>();
        Integer duplicate = collect(chosen, APPLICATION_TRANSPARENT, poi, transparent);
        if (duplicate == null && common != null) {
            duplicate = collect(common, COMMON_TRANSPARENT, poi, transparent);
        }
        if (duplicate != null) {
            return fail(CpmError.DUPLICATE_POI_DATA, "tag " + BerTlv.tagHex(duplicate) + " twice in the POI data");
        }
        Track2 track2 = null;
        byte[] t2 = poi.get(TRACK2);
        if (t2 != null) {
            Optional<Track2> decoded = Track2.decode(t2);
            if (decoded.isEmpty()) {
                return fail(CpmError.TRACK2_FORMAT, "57 is not PAN D YYMM service code data");
            }
            track2 = decoded.get();
        }
        String pan = null;
        byte[] panBytes = poi.get(PAN);
        if (panBytes != null) {
            pan = compressedNumeric(panBytes);
            if (pan == null) {
                return fail(CpmError.NO_PAN, "5A is not a PAN");
            }
        } else if (track2 != null) {
            pan = track2.pan();
        } else {
            return fail(CpmError.NO_PAN, "neither 57 nor 5A");
        }
        String aid = HexFormat.of().withUpperCase().formatHex(chosen.child(AID).orElseThrow().valueUnsafe());
        return new CpmResult.Parsed(new CpmPayload(aid, poi, transparent, track2, pan));
    }

    private boolean eligible(Tlv application) {
        Optional<Tlv> aid = application.child(AID);
        if (aid.isEmpty()) {
            return false;
        }
        byte[] a = aid.get().valueUnsafe();
        if (a.length < MIN_AID_BYTES || a.length > MAX_AID_BYTES) {
            return false;
        }
        for (byte[] prefix : supportedAidPrefixes) {
            if (prefix.length <= a.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the template's objects to the POI data and its transparent template's to the transparent data. */
    private static Integer collect(Tlv template, int transparentTag, Map<Integer, byte[]> poi,
                                   Map<Integer, byte[]> transparent) {
        for (Tlv t : template.children()) {
            if (t.tag() == transparentTag) {
                // Opaque for the switch: forwarded to the issuer, duplicates not checked (qr.md §9.1).
                for (Tlv inner : t.children()) {
                    transparent.putIfAbsent(inner.tag(), inner.valueUnsafe());
                }
            } else if (poi.putIfAbsent(t.tag(), t.valueUnsafe()) != null) {
                return t.tag();
            }
        }
        return null;
    }

    /** EMV "cn": BCD digits, right-padded with F; null if anything else. */
    private static String compressedNumeric(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        boolean padding = false;
        for (int i = 0; i < b.length * 2; i++) {
            int n = i % 2 == 0 ? (b[i / 2] & 0xFF) >>> 4 : b[i / 2] & 0xF;
            if (n == 0xF) {
                padding = true;
            } else if (n > 9 || padding) {
                return null;
            } else {
                sb.append((char) ('0' + n));
            }
        }
        return sb.length() == 0 || sb.length() > MAX_PAN_DIGITS ? null : sb.toString();
    }

    private static CpmResult fail(CpmError error, String detail) {
        return new CpmResult.Failed(error, detail);
    }
}
