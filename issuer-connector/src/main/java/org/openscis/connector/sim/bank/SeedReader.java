package org.openscis.connector.sim.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;

/**
 * Reads and validates a seed file (format in issuer-connector/README.md). Problems are reported as
 * IllegalArgumentException naming the JSON member, so a bad seed stops the simulator at start.
 */
final class SeedReader {

    /** The built-in seed, used when no seed file is configured. */
    static final String DEFAULT_RESOURCE = "/org/openscis/connector/sim/default-seed.json";

    /** Keeps a mistyped count from filling the disk. */
    static final int MAX_RANGE_ACCOUNTS = 1_000_000;
    /** Numbers OPEN_ACCOUNT hands out; a seeded customer must not take one. */
    private static final Pattern OPENED_ACCOUNT = Pattern.compile("2\\d{11}");
    private static final Pattern ACCOUNT_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern DIGITS_12 = Pattern.compile("\\d{12}");
    private static final Set<String> TOP_LEVEL = Set.of("products", "internalAccounts", "customerRanges",
            "customers", "merchants", "description");

    private SeedReader() {}

    static SeedData read(Path seedFile) {
        try {
            if (seedFile == null) {
                try (InputStream in = SeedReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                    if (in == null) {
                        throw new IllegalStateException("built-in seed " + DEFAULT_RESOURCE + " is missing");
                    }
                    return parse(in.readAllBytes());
                }
            }
            return parse(Files.readAllBytes(seedFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator seed " + (seedFile == null ? DEFAULT_RESOURCE
                    : seedFile), e);
        }
    }

    static SeedData parse(byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seed is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("seed must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new IllegalArgumentException("seed: unknown member " + name);
            }
        }
        Map<String, Product> products = new LinkedHashMap<>();
        for (JsonNode p : array(root, "products")) {
            Product product = product(p);
            if (products.put(product.insPrd(), product) != null) {
                throw new IllegalArgumentException("seed: product " + product.insPrd() + " listed twice");
            }
        }
        List<SeedAccount> accounts = new ArrayList<>();
        for (JsonNode a : array(root, "internalAccounts")) {
            accounts.add(internal(a));
        }
        for (JsonNode r : array(root, "customerRanges")) {
            accounts.addAll(range(r));
        }
        for (JsonNode c : array(root, "customers")) {
            accounts.add(customer(c, text(c, "customers[].accountNo", "accountNo"),
                    text(c, "customers[].lastName", "lastName")));
        }
        for (JsonNode m : array(root, "merchants")) {
            accounts.add(merchant(m));
        }
        check(products, accounts);
        return new SeedData(products, accounts);
    }

    private static Product product(JsonNode p) {
        String insPrd = text(p, "products[].insPrd", "insPrd");
        Currency currency = currency(p, "products[" + insPrd + "].currency");
        long opening = amount(p, "openingBalance", currency, "products[" + insPrd + "].openingBalance");
        return new Product(insPrd, currency, opening, optional(p, "accountTier", "1"),
                optional(p, "countryCode", currency.numeric()));
    }

    private static SeedAccount internal(JsonNode a) {
        String accountNo = accountNo(text(a, "internalAccounts[].accountNo", "accountNo"));
        String path = "internalAccounts[" + accountNo + "]";
        AccountKind kind;
        try {
            kind = AccountKind.valueOf(text(a, path + ".kind", "kind"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("seed: " + path + ".kind must be FEE, FUNDING or CLEARING");
        }
        if (kind == AccountKind.CUSTOMER || kind == AccountKind.MERCHANT) {
            throw new IllegalArgumentException("seed: " + path + ".kind must be FEE, FUNDING or CLEARING");
        }
        boolean negative = a.has("mayGoNegative") ? a.get("mayGoNegative").asBoolean() : kind.negativeByDefault();
        return new SeedAccount(accountNo, kind, currency(a, path + ".currency"), 0, optional(a, "name", null),
                null, null, AccountRow.ACTIVE, negative, null);
    }

    private static List<SeedAccount> range(JsonNode r) {
        String first = text(r, "customerRanges[].first", "first");
        if (!DIGITS_12.matcher(first).matches()) {
            throw new IllegalArgumentException("seed: customerRanges[].first must be 12 digits");
        }
        int count = r.path("count").asInt(-1);
        if (count < 1 || count > MAX_RANGE_ACCOUNTS) {
            throw new IllegalArgumentException("seed: customerRanges[].count must be 1 to " + MAX_RANGE_ACCOUNTS);
        }
        long start = Long.parseLong(first);
        if (start + count - 1 > 999_999_999_999L) {
            throw new IllegalArgumentException("seed: customerRanges[] runs past 12 digits");
        }
        String lastName = optional(r, "lastName", "Holder {n}");
        List<SeedAccount> accounts = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String accountNo = String.format("%012d", start + n - 1);
            accounts.add(customer(r, accountNo, lastName.replace("{n}", Integer.toString(n))));
        }
        return accounts;
    }

    private static SeedAccount customer(JsonNode c, String accountNo, String lastName) {
        accountNo(accountNo);
        if (OPENED_ACCOUNT.matcher(accountNo).matches()) {
            throw new IllegalArgumentException("seed: customer account numbers 2xxxxxxxxxxx are reserved for"
                    + " OPEN_ACCOUNT");
        }
        Currency currency = currency(c, "customer currency");
        long balance = amount(c, "balance", currency, "customer balance");
        return new SeedAccount(accountNo, AccountKind.CUSTOMER, currency, balance, optional(c, "firstName", "Demo"),
                lastName, optional(c, "accountTier", "1"), optional(c, "status", AccountRow.ACTIVE), false,
                optional(c, "countryCode", currency.numeric()));
    }

    private static SeedAccount merchant(JsonNode m) {
        String mid = accountNo(text(m, "merchants[].mid", "mid"));
        String path = "merchants[" + mid + "]";
        Currency currency = currency(m, path + ".currency");
        return new SeedAccount(mid, AccountKind.MERCHANT, currency, amount(m, "balance", currency, path + ".balance"),
                text(m, path + ".name", "name"), null, null, AccountRow.ACTIVE, false,
                optional(m, "countryCode", currency.numeric()));
    }

    private static void check(Map<String, Product> products, List<SeedAccount> accounts) {
        Set<String> numbers = new HashSet<>();
        Set<String> currencies = new TreeSet<>();
        Set<String> funded = new HashSet<>();
        Set<String> feed = new HashSet<>();
        for (SeedAccount a : accounts) {
            if (!numbers.add(a.accountNo())) {
                throw new IllegalArgumentException("seed: account " + a.accountNo() + " listed twice");
            }
            currencies.add(a.currency().numeric());
            if (a.kind() == AccountKind.FUNDING && a.mayGoNegative()) {
                funded.add(a.currency().numeric());
            }
            if (a.kind() == AccountKind.FEE) {
                feed.add(a.currency().numeric());
            }
        }
        products.values().forEach(p -> currencies.add(p.currency().numeric()));
        for (String currency : currencies) {
            if (!funded.contains(currency)) {
                throw new IllegalArgumentException("seed: currency " + currency
                        + " needs a FUNDING internal account that may go negative");
            }
            if (!feed.contains(currency)) {
                throw new IllegalArgumentException("seed: currency " + currency + " needs a FEE internal account");
            }
        }
    }

    private static Iterable<JsonNode> array(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("seed: " + name + " must be an array");
        }
        for (JsonNode element : node) {
            if (!element.isObject()) {
                throw new IllegalArgumentException("seed: " + name + " must hold objects");
            }
        }
        return node;
    }

    private static String text(JsonNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("seed: " + path + " is missing (a string)");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        return value == null || !value.isTextual() ? fallback : value.asText();
    }

    private static String accountNo(String accountNo) {
        if (!ACCOUNT_NO.matcher(accountNo).matches()) {
            throw new IllegalArgumentException("seed: account numbers and mids are 1 to 32 of [A-Za-z0-9-]");
        }
        return accountNo;
    }

    private static Currency currency(JsonNode node, String path) {
        String code = text(node, path, "currency");
        return Currency.byNumeric(code).orElseThrow(() -> new IllegalArgumentException("seed: " + path
                + " is not an ISO 4217 numeric code"));
    }

    private static long amount(JsonNode node, String name, Currency currency, String path) {
        JsonNode value = node.get(name);
        if (value == null) {
            return 0;
        }
        AmountParse parse = Amount.parseAllowZero(value.isTextual() ? value.asText() : null, currency);
        if (parse instanceof AmountParse.Ok ok) {
            return ok.amount().minor();
        }
        throw new IllegalArgumentException("seed: " + path + " " + ((AmountParse.Invalid) parse).reason());
    }
}
