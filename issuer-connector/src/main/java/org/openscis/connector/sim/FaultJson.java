package org.openscis.connector.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fault rules as JSON for {@code /sim/faults}: {@code {"msgType":"DEBIT_TRANSACTION","probability":1,"count":-1,
 * "action":"DROP","delayMillis":0,"responseCode":null,"applyBeforeFault":true}}. Only {@code action} is required;
 * {@code probability} defaults to 1, {@code count} to -1, the rest to null/0/false. Unknown members are refused.
 */
final class FaultJson {

    /** A parsed body: the rules and whether it was a single rule (to add) or a list (to replace), or the problem. */
    record Parsed(List<FaultRule> rules, boolean single, String problem) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("msgType", "probability", "count", "action", "delayMillis",
            "responseCode", "applyBeforeFault");

    private FaultJson() {}

    static Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return new Parsed(null, false, "body is not JSON");
        }
        if (root == null) {
            return new Parsed(null, false, "body is empty");
        }
        try {
            if (root.isObject()) {
                return new Parsed(List.of(rule(root)), true, null);
            }
            if (!root.isArray()) {
                return new Parsed(null, false, "body must be a rule or a list of rules");
            }
            List<FaultRule> rules = new ArrayList<>();
            for (JsonNode node : root) {
                rules.add(rule(node));
            }
            return new Parsed(rules, false, null);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, false, e.getMessage());
        }
    }

    private static FaultRule rule(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a rule must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("unknown member " + name);
            }
        }
        String action = text(node, "action");
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        FaultAction parsedAction;
        try {
            parsedAction = FaultAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action must be DELAY, NO_ANSWER, DROP or RESPOND");
        }
        return new FaultRule(text(node, "msgType"), number(node, "probability", 1).doubleValue(),
                number(node, "count", -1).intValue(), parsedAction, number(node, "delayMillis", 0).longValue(),
                text(node, "responseCode"), node.path("applyBeforeFault").asBoolean(false));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.asText();
    }

    private static Number number(JsonNode node, String name, Number fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number");
        }
        if (!name.equals("probability") && !(value.isIntegralNumber() && value.canConvertToLong())) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        if (name.equals("count") && !value.canConvertToInt()) {
            throw new IllegalArgumentException("count is too large");
        }
        return value.numberValue();
    }

    static byte[] write(List<FaultRule> rules) {
        ArrayNode array = MAPPER.createArrayNode();
        for (FaultRule r : rules) {
            ObjectNode node = array.addObject();
            node.put("msgType", r.msgType());
            node.put("probability", r.probability());
            node.put("count", r.count());
            node.put("action", r.action().name());
            node.put("delayMillis", r.delayMillis());
            node.put("responseCode", r.responseCode());
            node.put("applyBeforeFault", r.applyBeforeFault());
        }
        try {
            return MAPPER.writeValueAsBytes(array);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
