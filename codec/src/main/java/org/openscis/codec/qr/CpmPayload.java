package org.openscis.codec.qr;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openscis.codec.mask.Masking;

/**
 * A parsed consumer-presented payload (qr.md §9.1): the chosen application's AID (upper-case hex), its POI data (the
 * chosen 61 plus 62, tag to value), the transparent data of 63/64 (tag to value, forwarded to the issuer unchecked),
 * the track 2 data of tag 57 (null when only 5A carries the PAN) and the PAN (from 5A if present, else from 57).
 * The byte arrays are the parser's own copies; callers must not modify them.
 */
public record CpmPayload(String aid, Map<Integer, byte[]> poiData, Map<Integer, byte[]> transparentData,
                         Track2 track2, String pan) {

    static final int CRYPTOGRAM = 0x9F26;
    static final int CRYPTOGRAM_INFO = 0x9F27;
    static final int ISSUER_APPLICATION_DATA = 0x9F10;
    static final int ATC = 0x9F36;
    static final int AIP = 0x82;
    static final int UNPREDICTABLE_NUMBER = 0x9F37;
    private static final int ATC_BYTES = 2;

    public CpmPayload {
        poiData = Map.copyOf(poiData);
        transparentData = Map.copyOf(transparentData);
    }

    /** 9F26, the application cryptogram. */
    public Optional<byte[]> cryptogram() {
        return find(CRYPTOGRAM);
    }

    /** 9F36, the application transaction counter (2 bytes, unsigned). */
    public OptionalInt atc() {
        Optional<byte[]> atc = find(ATC);
        if (atc.isEmpty() || atc.get().length != ATC_BYTES) {
            return OptionalInt.empty();
        }
        byte[] b = atc.get();
        return OptionalInt.of(((b[0] & 0xFF) << 8) | (b[1] & 0xFF));
    }

    /** 9F37, the unpredictable number. */
    public Optional<byte[]> unpredictableNumber() {
        return find(UNPREDICTABLE_NUMBER);
    }

    /** 9F10, the issuer application data. */
    public Optional<byte[]> issuerApplicationData() {
        return find(ISSUER_APPLICATION_DATA);
    }

    /** The value of a tag, from the transparent data first (where UnionPay puts them), else the POI data. */
    public Optional<byte[]> find(int tag) {
        byte[] v = transparentData.get(tag);
        return Optional.ofNullable(v != null ? v : poiData.get(tag));
    }

    @Override
    public String toString() {
        return "CpmPayload[aid=" + aid + ", pan=" + Masking.pan(pan) + ", poiTags=" + poiData.size()
                + ", transparentTags=" + transparentData.size() + "]";
    }
}
