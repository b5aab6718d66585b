package org.openscis.router.handler;

import java.util.List;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.ProductCatalog;

/**
 * CVM_INQUIRY (protocol.md §3.1): which {@code cvmInfo} fields the App Gateway must collect. The request may have no
 * {@code trxInfo}, an empty one, or {@code deviceID}/{@code userID} (checked when present). The answer comes from the
 * requesting participant's default product.
 */
public final class CvmInquiryHandler extends SynchronousHandler {

    private final ProductCatalog catalog;

    public CvmInquiryHandler(ProductCatalog catalog) {
        super(MessageType.CVM_INQUIRY);
        this.catalog = catalog;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        reader.optional("deviceID", 1, RequestFields.ID_MAX_CHARS, CharClass.ANS);
        reader.optional("userID", 1, RequestFields.ID_MAX_CHARS, CharClass.ANS);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        List<String> fields = catalog.cvmFields(request.participant().insId());
        return Outcome.ok(TrxInfo.builder().put("cvm", List.copyOf(fields)).build());
    }
}
