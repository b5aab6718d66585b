package org.openscis.codec.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The protocol.md §7 example messages under {@code src/test/resources/examples}, and a JSON minifier. */
final class Examples {

    static final List<String> ALL = List.of(
            "cvm_inquiry_request", "cvm_inquiry_response", "open_account_request", "open_account_response",
            "card_enrollment_response", "qrc_generation_response", "additional_processing_ack",
            "trx_result_notification_request", "mpqrc_payment_emv_request", "mpqrc_payment_emv_response",
            "debit_transaction_request", "debit_transaction_response");

    private Examples() {}

    static byte[] bytes(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same JSON without insignificant whitespace, member order and number text unchanged. */
    static byte[] minified(byte[] json) {
        JsonFactory factory = new JsonFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser parser = factory.createParser(json); JsonGenerator generator = factory.createGenerator(out)) {
            while (parser.nextToken() != null) {
                generator.copyCurrentEventExact(parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Envelope decodeOk(byte[] body) {
        DecodeResult result = new EnvelopeCodec().decode(body);
        if (result instanceof DecodeResult.Ok ok) {
            return ok.envelope();
        }
        throw new AssertionError("expected Ok but was " + result);
    }
}
