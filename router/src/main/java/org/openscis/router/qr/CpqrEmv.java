package org.openscis.router.qr;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.openscis.codec.qr.CpmBuilder;
import org.openscis.codec.qr.CpmContent;
import org.openscis.codec.qr.CpmParser;
import org.openscis.codec.qr.CpmPayload;
import org.openscis.codec.qr.CpmResult;
import org.openscis.codec.qr.Track2;

/**
 * The EMV CPM payload of the codes the switch issues, with exactly the tag set of qr.md §9.3: 85 "CPV01"; 61 with
 * 4F {@link #AID}, 57 (token, D, token expiry YYMM, service code {@link #SERVICE_CODE}, discretionary data
 * {@link #DISCRETIONARY_DATA}, F pad when the nibble count is odd), 5F34 00, and 63 holding 9F26 (cryptogram), 9F27 80
 * (ARQC), 9F10 ({@link IssuerApplicationData}), 9F36 (ATC), 82 0000 (AIP), 9F37 (unpredictable number).
 *
 * <p>The discretionary data is ten zeros: the samples' {@code 0000018801} means nothing that is public, and the
 * cryptogram already binds the code to the switch.
 */
public final class CpqrEmv {

    /** UnionPay debit. */
    public static final String AID = "A000000333010101";
    /** A scanned payload must name a UnionPay application. */
    public static final List<String> SUPPORTED_AID_PREFIXES = List.of("A000000333");
    public static final String SERVICE_CODE = "201";
    public static final String DISCRETIONARY_DATA = "0000000000";
    /** Application interchange profile 0000, as in every sample. */
    static final byte[] AIP = {0x00, 0x00};
    /** Cryptogram information data: ARQC. */
    static final int CID_ARQC = 0x80;
    private static final int TAG_AIP = 0x82;

    private final CpmParser parser = new CpmParser(SUPPORTED_AID_PREFIXES);

    /** The base64 payload (with padding) of one code. */
    public String build(String token, String expiryYymm, int atc, byte[] unpredictableNumber, byte[] cryptogram,
            String insId) {
        Track2 track2 = new Track2(token, expiryYymm, SERVICE_CODE, DISCRETIONARY_DATA);
        return CpmBuilder.build(new CpmContent(AID, track2, cryptogram, CID_ARQC,
                IssuerApplicationData.forInsId(insId), atc, AIP.clone(), unpredictableNumber));
    }

    /** What the cryptogram is computed over, read from a scanned payload; never throws. */
    public Read read(String payload) {
        if (payload == null || payload.isEmpty()) {
            return new Read.Unreadable("emvCpqrcPayload: is empty");
        }
        CpmResult result = parser.parse(payload);
        if (result instanceof CpmResult.Failed failed) {
            return new Read.Unreadable("emvCpqrcPayload: not a consumer-presented code ("
                    + failed.error().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        CpmPayload p = ((CpmResult.Parsed) result).payload();
        Track2 track2 = p.track2();
        if (track2 == null || track2.pan() == null || track2.expiryYymm() == null) {
            return new Read.Unreadable("emvCpqrcPayload: has no track 2 equivalent data");
        }
        byte[] cryptogram = p.cryptogram().orElse(null);
        OptionalInt atc = p.atc();
        byte[] un = p.unpredictableNumber().orElse(null);
        byte[] aip = p.transparentData().get(TAG_AIP);
        if (cryptogram == null || atc.isEmpty() || un == null || aip == null) {
            return new Read.Unreadable("emvCpqrcPayload: lacks the cryptogram, ATC, unpredictable number or AIP");
        }
        return new Read.Fields(track2.pan(), track2.expiryYymm(), atc.getAsInt(), un.clone(), aip.clone(),
                cryptogram.clone());
    }

    /** The outcome of {@link #read}. */
    public sealed interface Read {

        /** The data the cryptogram covers, and the cryptogram, as the payload carries them (not yet verified). */
        record Fields(String token, String expiryYymm, int atc, byte[] unpredictableNumber, byte[] aip,
                byte[] cryptogram) implements Read {

            @Override
            public String toString() {
                return "Fields[atc=" + atc + "]";
            }
        }

        /** Not a payload of the switch's form; {@code detail} never contains payload bytes. */
        record Unreadable(String detail) implements Read {}
    }
}
