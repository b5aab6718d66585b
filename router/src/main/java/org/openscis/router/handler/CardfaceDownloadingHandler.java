package org.openscis.router.handler;

import java.util.Base64;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardFace;
import org.openscis.router.port.ProductCatalog;

/**
 * CARDFACE_DOWNLOADING (protocol.md §3.5): the card art of a {@code cardfaceID} (also accepted as {@code cardFaceID},
 * the spelling enrolment responses use). Real ids are 6 digits; any AN 1-16 is accepted so that configured ids are
 * not constrained. Unknown id → 89.
 *
 * <p>{@code cardfaceData} is the Base64 of the image bytes, encoded once. The RRTX mock server returns Base64 of the
 * ASCII Base64 (double encoding); that is a quirk clients have learnt to undo defensively, not something to copy.
 */
public final class CardfaceDownloadingHandler extends SynchronousHandler {

    public static final int CARD_FACE_ID_MAX_CHARS = 16;

    private final ProductCatalog catalog;

    public CardfaceDownloadingHandler(ProductCatalog catalog) {
        super(MessageType.CARDFACE_DOWNLOADING);
        this.catalog = catalog;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String id = reader.requiredAnyOf(1, CARD_FACE_ID_MAX_CHARS, CharClass.AN, "cardfaceID", "cardFaceID");
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        Optional<CardFace> face = catalog.cardFace(id);
        if (face.isEmpty()) {
            return Outcome.fail(ResponseCode.CARD_PROFILE_NOT_FOUND, "cardfaceID is not a configured card face");
        }
        CardFace f = face.get();
        return Outcome.ok(TrxInfo.builder()
                .put("cardfaceID", id)
                .put("cardfaceType", f.cardfaceType())
                .put("panPosX", f.panPosX())
                .put("panPosY", f.panPosY())
                .put("panFontSize", f.panFontSize())
                .put("color", f.color())
                .put("cardfaceData", Base64.getEncoder().encodeToString(f.data()))
                .build());
    }
}
