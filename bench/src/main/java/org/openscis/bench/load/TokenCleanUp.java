package org.openscis.bench.load;

import java.io.PrintWriter;
import java.time.Duration;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.RequestSpec;
import org.openscis.server.client.SignedExchange;

/**
 * Deletes the warm-up tokens after the load (CARD_STATUS_MANAGEMENT, tokenAction DELETE), so that the next run
 * against the same switch starts from the same state: an approved P2P_TRANSFER notifies every live token on the
 * payee's account, and tokens left over from earlier runs would make each run's transfers cost more callbacks.
 */
final class TokenCleanUp {

    /** What the deletions answered. */
    record Result(int tokens, long deleted, boolean complete) {

        String text() {
            return deleted + " of " + tokens + " warm-up tokens deleted" + (complete ? "" : " (deadline reached)");
        }
    }

    private TokenCleanUp() {}

    static Result delete(AppGatewayClient client, TokenPool pool, int concurrency, Duration deadline,
            PrintWriter out) throws InterruptedException {
        RequestBatch.Result batch = RequestBatch.run(client, pool.size(), i -> {
            TokenPool.Enrolled t = pool.all().get(i);
            return new RequestBatch.Item() {
                @Override
                public RequestSpec spec() {
                    return RequestFactory.deletion(t);
                }

                @Override
                public void approved(SignedExchange exchange) {
                    // counted in the outcomes
                }
            };
        }, concurrency, deadline);
        Result result = new Result(pool.size(), batch.approved(), batch.complete());
        out.printf("clean-up: %s; outcomes %s%n", result.text(), batch.outcomes());
        out.flush();
        return result;
    }
}
