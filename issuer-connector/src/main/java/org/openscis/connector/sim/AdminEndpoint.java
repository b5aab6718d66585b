package org.openscis.connector.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;
import org.openscis.connector.sim.bank.AccountView;
import org.openscis.connector.sim.bank.Bank;
import org.openscis.connector.sim.bank.LedgerCheck;
import org.openscis.connector.sim.bank.WithdrawalResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator and test endpoints under {@value #PREFIX}, for peers on this machine only (403 otherwise):
 * {@code GET/POST/DELETE /sim/faults}, {@code GET /sim/accounts/{accountNo}}, {@code GET /sim/ledger/check},
 * {@code POST /sim/withdraw}. Blocking (JDBC): runs on the simulator's worker executor.
 */
final class AdminEndpoint {

    static final String PREFIX = "/sim/";
    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ACCOUNTS = "/sim/accounts/";

    private final Bank bank;
    private final FaultPlan faults;

    AdminEndpoint(Bank bank, FaultPlan faults) {
        this.bank = bank;
        this.faults = faults;
    }

    /** Never throws. */
    SimAction.Reply handle(SimRequest request) {
        if (!request.fromLoopback()) {
            return HttpBodies.error(403, "the simulator's admin endpoints answer local peers only", false);
        }
        try {
            String path = request.path();
            if (path.equals("/sim/faults")) {
                return faults(request);
            }
            if (path.startsWith(ACCOUNTS) && path.length() > ACCOUNTS.length()) {
                return only("GET", request, () -> account(path.substring(ACCOUNTS.length())));
            }
            if (path.equals("/sim/ledger/check")) {
                return only("GET", request, this::ledgerCheck);
            }
            if (path.equals("/sim/withdraw")) {
                return only("POST", request, () -> withdraw(request.body()));
            }
            return HttpBodies.error(404, "no such path", false);
        } catch (RuntimeException e) {
            LOG.warn("Simulator admin request failed: {}", Failures.describe(e));
            return HttpBodies.error(500, "simulator error", false);
        }
    }

    private SimAction.Reply faults(SimRequest request) {
        switch (request.method()) {
            case "GET":
                return HttpBodies.json(200, FaultJson.write(faults.list()));
            case "DELETE":
                faults.clear();
                return HttpBodies.json(200, FaultJson.write(faults.list()));
            case "POST":
                FaultJson.Parsed parsed = FaultJson.parse(request.body());
                if (parsed.problem() != null) {
                    return HttpBodies.error(400, parsed.problem(), false);
                }
                if (parsed.single()) {
                    faults.add(parsed.rules().get(0));
                } else {
                    faults.set(parsed.rules());
                }
                return HttpBodies.json(200, FaultJson.write(faults.list()));
            default:
                return HttpBodies.error(405, "use GET, POST or DELETE", false, Map.of("Allow", "GET, POST, DELETE"));
        }
    }

    private SimAction.Reply account(String accountNo) {
        Optional<AccountView> view = bank.ledger().account(accountNo);
        if (view.isEmpty()) {
            return HttpBodies.error(404, "no such account", false);
        }
        AccountView a = view.get();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("accountNo", a.accountNo());
        node.put("kind", a.kind().name());
        node.put("currency", a.currency());
        node.put("balance", wire(a.balanceMinor(), a.currency()));
        node.put("available", wire(a.availableMinor(), a.currency()));
        node.put("balanceMinor", a.balanceMinor());
        node.put("availableMinor", a.availableMinor());
        node.put("status", a.status());
        node.put("accountTier", a.tier());
        return HttpBodies.json(200, bytes(node));
    }

    private SimAction.Reply ledgerCheck() {
        LedgerCheck check = bank.ledger().check();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ok", check.ok());
        node.put("balanced", check.balanced());
        node.put("totalMinor", check.totalMinor());
        node.put("balancesMatchPostings", check.balancesMatchPostings());
        node.put("noForbiddenNegative", check.noForbiddenNegative());
        return HttpBodies.json(200, bytes(node));
    }

    private SimAction.Reply withdraw(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return HttpBodies.error(400, "body is not JSON", false);
        }
        if (root == null || !root.path("trxToken").isTextual() || !root.path("agentMid").isTextual()) {
            return HttpBodies.error(400, "body must be {\"trxToken\":\"...\",\"agentMid\":\"...\"}", false);
        }
        WithdrawalResult result = bank.withdraw(root.get("trxToken").asText(), root.get("agentMid").asText());
        ObjectNode node = MAPPER.createObjectNode();
        node.put("result", result.name());
        node.put("responseCode", result.responseCode());
        return HttpBodies.json(200, bytes(node));
    }

    private static SimAction.Reply only(String method, SimRequest request,
            Supplier<SimAction.Reply> action) {
        if (!method.equals(request.method())) {
            return HttpBodies.error(405, "use " + method, false, Map.of("Allow", method));
        }
        return action.get();
    }

    private static String wire(long minor, String currency) {
        return Currency.byNumeric(currency).map(c -> new Amount(minor, c).toWire()).orElse(Long.toString(minor));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
