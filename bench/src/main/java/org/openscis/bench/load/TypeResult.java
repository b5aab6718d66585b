package org.openscis.bench.load;

import java.util.Map;

/**
 * What one message type saw in a phase.
 *
 * @param sent           requests handed to the client
 * @param responses      HTTP responses received (any status)
 * @param approved       responses with responseCode {@code 00} and a valid signature
 * @param badSignatures  responses whose UPI-JWS did not verify against the switch key
 * @param latency        intended send time to response, responses only
 * @param responseCodes  {@code msgResponse.responseCode} counts ({@code "-"} when the body had none)
 * @param errors         requests that got no response, by cause (timeout, client busy, connection refused...)
 */
public record TypeResult(LoadType type, long sent, long responses, long approved, long badSignatures,
        LatencySummary latency, Map<String, Long> responseCodes, Map<String, Long> errors) {

    public TypeResult {
        responseCodes = Map.copyOf(responseCodes);
        errors = Map.copyOf(errors);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
