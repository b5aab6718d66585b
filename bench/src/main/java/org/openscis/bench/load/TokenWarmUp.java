package org.openscis.bench.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.RequestSpec;
import org.openscis.server.client.SignedExchange;

/**
 * Creates the tokens the token-based requests of the load phase use: {@code count} CARD_ENROLLMENTs of accounts
 * that exist at the issuer's CBS (the first ones of the {@link AccountRange}, wrapping around), each on a fresh
 * device and user, at most {@code concurrency} at a time, within an overall deadline. Since issue 3 the switch asks
 * the CBS whether an enrolled account exists (14 if not), so random account numbers no longer work. An account
 * already enrolled by an earlier run keeps its card; the new device gets a new token on it.
 */
final class TokenWarmUp {

    /** The tokens, and what the enrolments answered (for the message when none succeeded). */
    record Result(TokenPool pool, Map<String, Long> outcomes) {}

    private final AppGatewayClient client;
    private final RequestFactory requests;
    private final AccountRange accounts;

    TokenWarmUp(AppGatewayClient client, RequestFactory requests, AccountRange accounts) {
        this.client = client;
        this.requests = requests;
        this.accounts = accounts;
    }

    Result enroll(int count, int concurrency, Duration deadline, PrintWriter out) throws InterruptedException {
        List<TokenPool.Enrolled> tokens = new ArrayList<>();
        RequestBatch.Result batch = RequestBatch.run(client, count, i -> {
            RequestFactory.Enrollment e = requests.enrollment(accounts.accountNo(i));
            return new RequestBatch.Item() {
                @Override
                public RequestSpec spec() {
                    return e.spec();
                }

                @Override
                public void approved(SignedExchange exchange) {
                    String token = exchange.trxInfo().string("token");
                    if (token != null) {
                        synchronized (tokens) {
                            tokens.add(new TokenPool.Enrolled(e.deviceId(), e.userId(), token, e.accountNo()));
                        }
                    }
                }
            };
        }, concurrency, deadline);
        List<TokenPool.Enrolled> copy;
        synchronized (tokens) {
            copy = List.copyOf(tokens);
        }
        out.printf("warm-up: %d of %d enrolments of accounts from %s created a token%s; outcomes %s%n",
                copy.size(), count, accounts.accountNo(0), batch.complete() ? "" : " (deadline reached)",
                batch.outcomes());
        out.flush();
        return new Result(new TokenPool(copy), batch.outcomes());
    }
}
