package org.openscis.server.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.connector.cbs.CbsProtocol;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.ProductLimits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openscis.router.MessageType;

/** Binds {@code issuers}: IINs, core-banking links, card products and card faces (decisions.md §6). */
final class IssuerBinder {

    /** The cvmInfo fields an App Gateway can be asked to collect (protocol.md, cvmInfo). */
    static final Set<String> CVM_FIELDS = Set.of("pan", "accountNo", "expiryDate", "cvn2", "firstName", "midName",
            "lastName", "fullName", "mobileNo", "idType", "idNo", "idCountry");
    static final List<String> DEFAULT_CVM_FIELDS = List.of("firstName", "lastName", "idType", "idNo", "idCountry");
    private static final Duration MAX_CBS_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_PORT = 65_535;

    private final ConfigFilePaths paths;
    private final Duration requestDeadline;
    private final Unique iins = new Unique("IIN");
    private final Unique productNumbers = new Unique("prdNo");
    private final Unique cardFaceIds = new Unique("card face id");
    /** PAN BINs and token BINs seen so far: no card number may be read as both, or as two products. */
    private final List<ClaimedBin> bins = new ArrayList<>();

    IssuerBinder(ConfigFilePaths paths, Duration requestDeadline) {
        this.paths = paths;
        this.requestDeadline = requestDeadline;
    }

    List<IssuerConfig> issuers(Fields top, String key) {
        List<IssuerConfig> issuers = top.list(key, List.of(), e -> {
            Fields f = e.fields();
            return f == null ? null : issuer(f);
        });
        top.requireElements(key, issuers, "is required: at least one issuer with its card products");
        return issuers;
    }

    private IssuerConfig issuer(Fields f) {
        String iin = f.required("iin");
        if (iin != null) {
            check(f, "iin", Formats.match(iin, Formats.IIN, "8 digits"));
            iins.check(iin, f.key("iin"), f.problems());
        }
        String name = f.required("name");
        if (name != null && name.isBlank()) {
            f.problem("name", "must not be blank");
        }
        CbsConfig cbs = cbs(f.mapping("cbs"), iin);
        List<ProductConfig> products = f.list("products", List.of(), e -> {
            Fields p = e.fields();
            return p == null ? null : product(p);
        });
        f.requireElements("products", products, "is required: at least one card product");
        Unique mids = new Unique("mid");
        List<Merchant> merchants = f.list("merchants", List.of(), e -> {
            Fields m = e.fields();
            return m == null ? null : merchant(m, mids);
        });
        f.finish();
        return new IssuerConfig(iin, name, products, cbs, merchants);
    }

    private CbsConfig cbs(Fields f, String iin) {
        CbsConfig d = CbsConfig.embedded();
        String mode = f.text("mode", d.mode()).toLowerCase(Locale.ROOT);
        String baseUrl = f.text("baseUrl");
        Duration callTimeout = f.duration("callTimeout", d.callTimeout(), MAX_CBS_TIMEOUT);
        Duration connectTimeout = f.duration("connectTimeout", d.connectTimeout(), MAX_CBS_TIMEOUT);
        int maxConnections = f.integer("maxConnections", d.maxConnections(), 1, 10_000);
        int maxInFlight = f.integer("maxInFlight", d.maxInFlight(), 1, 100_000);
        int maxQueued = f.integer("maxQueued", d.maxQueued(), 0, 1_000_000);
        Map<String, String> cbsPaths = cbsPaths(f.mapping("paths"));
        Map<String, String> signingKeys = keyFiles(f.mapping("signingKeys"));
        String encryptionKid = ConfigBinder.kid(f, "encryptionKid", f.text("encryptionKid"));
        String encryptionKeyFile = ConfigBinder.file(f, "encryptionKeyFile", f.text("encryptionKeyFile"), paths);
        JweProfile jweProfile = f.enumeration("jweProfile", JweProfile.class, d.jweProfile());
        CbsConfig.SimulatorConfig simulator = f.has("simulator") ? simulator(f.mapping("simulator"), iin)
                : new CbsConfig.SimulatorConfig(null, defaultSimulatorDatabase(iin), List.of(),
                        CbsConfig.SimulatorConfig.ANY_PORT);
        f.node("simulator");
        f.finish();
        if (mode.equals(CbsConfig.HTTP)) {
            if (baseUrl == null) {
                f.problem("baseUrl", "is required when mode is http");
            } else {
                check(f, "baseUrl", Formats.httpUrl(baseUrl));
            }
            if (signingKeys.isEmpty()) {
                f.problem("signingKeys", "is required when mode is http: the CBS's public keys by kid");
            }
            if (encryptionKid == null || encryptionKeyFile == null) {
                f.problem("encryptionKeyFile", "is required when mode is http, with encryptionKid: account data "
                        + "is encrypted to this key");
            }
        } else if (mode.equals(CbsConfig.EMBEDDED)) {
            for (String httpOnly : List.of("baseUrl", "encryptionKid", "encryptionKeyFile")) {
                if (f.has(httpOnly)) {
                    f.problem(httpOnly, "is only used when mode is http");
                }
            }
            if (!signingKeys.isEmpty()) {
                f.problem("signingKeys", "is only used when mode is http");
            }
        } else {
            f.problem("mode", "must be embedded or http, found \"" + mode + "\"");
        }
        // The CBS call runs inside the App Gateway request; a longer timeout could never be waited out.
        if (callTimeout.compareTo(requestDeadline) >= 0) {
            f.problem("callTimeout", "must be shorter than limits.requestDeadline (" + Durations.format(requestDeadline)
                    + "), found " + Durations.format(callTimeout));
        }
        return new CbsConfig(mode, baseUrl, callTimeout, connectTimeout, maxConnections, maxInFlight, maxQueued,
                cbsPaths, signingKeys, encryptionKid, encryptionKeyFile, jweProfile, simulator);
    }

    private String defaultSimulatorDatabase(String iin) {
        return paths.resolve("data:cbs-sim-" + (iin == null ? "issuer" : iin)).toString();
    }

    private Map<String, String> cbsPaths(Fields f) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : f.entries().entrySet()) {
            String type = entry.getKey();
            if (!CbsProtocol.MESSAGE_TYPES.contains(type)) {
                f.problem(type, "is not a CBS message type (" + String.join(", ", CbsProtocol.MESSAGE_TYPES) + ")");
                continue;
            }
            String path = entry.getValue() instanceof YamlNode.Scalar sc ? sc.text() : null;
            if (path == null || !path.startsWith("/") || path.contains(" ")) {
                f.problem(type, "must be a path starting with /");
                continue;
            }
            result.put(type, path);
        }
        return Collections.unmodifiableMap(result);
    }

    private Map<String, String> keyFiles(Fields f) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : f.entries().entrySet()) {
            String kid = ConfigBinder.kid(f, entry.getKey(), entry.getKey());
            String name = entry.getValue() instanceof YamlNode.Scalar sc ? sc.text() : null;
            if (name == null) {
                f.problem(entry.getKey(), "must be the file name of the public key or certificate");
                continue;
            }
            String file = ConfigBinder.file(f, entry.getKey(), name, paths);
            if (kid != null && file != null) {
                keys.put(kid, file);
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    private CbsConfig.SimulatorConfig simulator(Fields f, String iin) {
        String seed = ConfigBinder.file(f, "seedFile", f.text("seedFile"), paths);
        String db = ConfigBinder.file(f, "databaseFile",
                f.text("databaseFile", "data:cbs-sim-" + (iin == null ? "issuer" : iin)), paths);
        List<CbsConfig.FaultConfig> faults = f.list("faults", List.of(), e -> {
            Fields r = e.fields();
            return r == null ? null : fault(r);
        });
        int port = f.integer("port", CbsConfig.SimulatorConfig.ANY_PORT, 0, MAX_PORT);
        f.finish();
        return new CbsConfig.SimulatorConfig(seed, db, faults, port);
    }

    private static final Set<String> FAULT_ACTIONS = Set.of("DELAY", "NO_ANSWER", "DROP", "RESPOND");

    private CbsConfig.FaultConfig fault(Fields f) {
        String msgType = f.text("msgType");
        if (msgType != null && !CbsProtocol.MESSAGE_TYPES.contains(msgType)) {
            f.problem("msgType", "is not a CBS message type (" + String.join(", ", CbsProtocol.MESSAGE_TYPES) + ")");
        }
        String probabilityText = f.text("probability", "1");
        double probability = 1;
        try {
            probability = Double.parseDouble(probabilityText);
        } catch (NumberFormatException e) {
            probability = -1;
        }
        if (!(probability >= 0 && probability <= 1)) {
            f.problem("probability", "must be a number from 0 to 1, found \"" + probabilityText + "\"");
            probability = 1;
        }
        int count = f.integer("count", -1, -1, Integer.MAX_VALUE);
        String action = f.required("action");
        if (action != null) {
            action = action.toUpperCase(Locale.ROOT);
            if (!FAULT_ACTIONS.contains(action)) {
                f.problem("action", "must be DELAY, NO_ANSWER, DROP or RESPOND, found \"" + action + "\"");
            }
        }
        Duration delay = f.duration("delay", Duration.ZERO, Duration.ofMinutes(10));
        String code = f.text("responseCode");
        if ("RESPOND".equals(action) && (code == null || !code.matches("[0-9A-Z]{2}"))) {
            f.problem("responseCode", "is required for RESPOND: a two-character response code");
        }
        boolean apply = f.bool("applyBeforeFault", false);
        f.finish();
        return new CbsConfig.FaultConfig(msgType, probability, count, action, delay, code, apply);
    }

    private ProductConfig product(Fields f) {
        String prdNo = f.required("prdNo");
        if (prdNo != null) {
            check(f, "prdNo", Formats.match(prdNo, Formats.PRODUCT_NO, "1-16 letters or digits"));
            productNumbers.check(prdNo, f.key("prdNo"), f.problems());
        }
        String bin = bin(f, "bin");
        int panLength = f.integer("panLength", 16, 0, Integer.MAX_VALUE);
        if (panLength != 16 && panLength != 19) {
            f.problem("panLength", "must be 16 or 19, found " + panLength);
        }
        String tokenBin = bin(f, "tokenBin");
        int expiryMonths = f.integer("expiryMonths", 36, 1, 120);
        String cardType = f.required("cardType");
        String currency = f.required("currency");
        if (currency != null) {
            check(f, "currency", Formats.currency(currency));
        }
        List<CardFaceConfig> cardFaces = f.list("cardFaces", List.of(), e -> {
            Fields c = e.fields();
            return c == null ? null : cardFace(c);
        });
        f.requireElements("cardFaces", cardFaces, "is required: at least one card face (the first is the default)");
        f.rejectEmpty("allowedMessageTypes", "must name at least one message type (leave it out to allow all)");
        List<MessageType> allowed = f.list("allowedMessageTypes", inboundTypes(), e -> {
            String name = e.text();
            Optional<MessageType> type = name == null ? Optional.empty() : Fields.parseEnum(name, MessageType.class);
            if (name != null && (type.isEmpty() || !type.get().inbound())) {
                e.problem("is not a message type the switch receives, found \"" + name + "\"");
            }
            return type.filter(MessageType::inbound).orElse(null);
        });
        List<String> cvmFields = cvmFields(f);
        ProductLimits limits = limits(f.mapping("limits"), currency);
        f.finish();
        return new ProductConfig(prdNo, bin, panLength, tokenBin, expiryMonths, cardType, currency, cardFaces,
                allowed, cvmFields, limits);
    }

    /** A PAN or token BIN: "62" and 4-6 more digits, not overlapping any other configured BIN. */
    private String bin(Fields f, String key) {
        String bin = f.required(key);
        if (bin == null) {
            return null;
        }
        String problem = Formats.match(bin, Formats.CARD_BIN, "6-8 digits starting with 62");
        if (problem != null) {
            f.problem(key, problem);
            return bin;
        }
        String path = f.key(key);
        for (ClaimedBin other : bins) {
            if (bin.startsWith(other.bin()) || other.bin().startsWith(bin)) {
                f.problem(key, "\"" + bin + "\" overlaps \"" + other.bin() + "\" at " + other.path()
                        + ": a card number must identify one product and be either a PAN or a token");
            }
        }
        bins.add(new ClaimedBin(bin, path));
        return bin;
    }

    private CardFaceConfig cardFace(Fields f) {
        String id = f.required("id");
        if (id != null) {
            check(f, "id", Formats.match(id, Formats.CARD_FACE_ID, "6 digits"));
            cardFaceIds.check(id, f.key("id"), f.problems());
        }
        String file = ConfigBinder.file(f, "file", f.required("file"), paths);
        String type = smallNumber(f, "cardfaceType", "0");
        String x = smallNumber(f, "panPosX", "20");
        String y = smallNumber(f, "panPosY", "200");
        String fontSize = smallNumber(f, "panFontSize", "10");
        String color = f.text("color", "#FFFFFF");
        check(f, "color", Formats.match(color, Formats.COLOR, "a colour #RRGGBB"));
        f.finish();
        return new CardFaceConfig(id, file, type, x, y, fontSize, color);
    }

    private static Merchant merchant(Fields f, Unique mids) {
        String mid = f.required("mid");
        if (mid != null) {
            check(f, "mid", Formats.match(mid, Formats.MID, "1-15 letters, digits or spaces"));
            mids.check(mid, f.key("mid"), f.problems());
        }
        String name = f.text("name", mid == null ? "" : mid);
        if (name.length() > 40) {
            f.problem("name", "must be at most 40 characters");
        }
        Merchant.Role role = f.enumeration("role", Merchant.Role.class, null);
        if (role == null && !f.has("role")) {
            f.problem("role", "is required: BILLER or AGENT");
        }
        String mcc = f.text("mcc", "0000");
        check(f, "mcc", Formats.match(mcc, Formats.MCC, "4 digits"));
        String country = f.text("country", "344");
        check(f, "country", Formats.match(country, Formats.COUNTRY, "3 digits (ISO 3166 numeric)"));
        f.finish();
        return new Merchant(mid, name, role, mcc, country);
    }

    private static ProductLimits limits(Fields f, String currencyCode) {
        ProductLimits d = ProductLimits.NONE;
        Currency currency = currencyCode == null ? null : Currency.byNumeric(currencyCode).orElse(null);
        long perTransaction = amount(f, "perTransaction", currency);
        long daily = amount(f, "daily", currency);
        long opening = amount(f, "openingBalance", currency);
        Set<String> mccs = new TreeSet<>(f.strings("blockedMccs", List.of()));
        mccs.forEach(m -> check(f, "blockedMccs", Formats.match(m, Formats.MCC, "4 digits")));
        Set<String> countries = new TreeSet<>(f.strings("blockedCountries", List.of()));
        countries.forEach(c -> check(f, "blockedCountries", Formats.match(c, Formats.COUNTRY, "3 digits")));
        LocalTime start = null;
        LocalTime end = null;
        ZoneId zone = d.cutOffZone();
        if (f.has("cutOff")) {
            Fields c = f.mapping("cutOff");
            start = time(c, "start");
            end = time(c, "end");
            String zoneText = c.text("zone", "UTC");
            try {
                zone = ZoneId.of(zoneText);
            } catch (RuntimeException e) {
                c.problem("zone", "is not a time zone id, found \"" + zoneText + "\"");
            }
            c.finish();
            if (start != null && start.equals(end)) {
                c.problem("end", "must differ from start");
            }
        }
        f.node("cutOff");
        String tier = f.text("defaultTier", d.defaultTier());
        check(f, "defaultTier", Formats.match(tier, Formats.TIER, "1-2 digits"));
        Map<MessageType, Integer> minimumTier = new EnumMap<>(MessageType.class);
        Fields tiers = f.mapping("minimumTier");
        for (Map.Entry<String, YamlNode> entry : tiers.entries().entrySet()) {
            Optional<MessageType> type = Fields.parseEnum(entry.getKey(), MessageType.class)
                    .filter(MessageType::inbound);
            String value = entry.getValue() instanceof YamlNode.Scalar sc ? sc.text() : null;
            if (type.isEmpty()) {
                tiers.problem(entry.getKey(), "is not a message type the switch receives");
            } else if (value == null || !value.matches("\\d{1,2}")) {
                tiers.problem(entry.getKey(), "must be a tier number of 1-2 digits");
            } else {
                minimumTier.put(type.get(), Integer.parseInt(value));
            }
        }
        Duration cashOut = f.duration("cashOutTokenValidity", Duration.ofMinutes(d.cashOutTokenValidityMinutes()),
                Duration.ofDays(7));
        if (cashOut.toMinutes() < 1) {
            f.problem("cashOutTokenValidity", "must be at least 1m");
        }
        f.finish();
        return new ProductLimits(perTransaction, daily, Set.copyOf(mccs), Set.copyOf(countries), start, end, zone,
                opening, tier, Map.copyOf(minimumTier), (int) Math.max(1, cashOut.toMinutes()));
    }

    /** An amount in the product's currency (decimal major units) as minor units; 0 when absent. */
    private static long amount(Fields f, String key, Currency currency) {
        String text = f.text(key);
        if (text == null || currency == null) {
            return 0;
        }
        AmountParse parsed = Amount.parse(text, currency);
        if (parsed instanceof AmountParse.Ok ok) {
            return ok.amount().minor();
        }
        f.problem(key, "must be a positive amount in the product's currency with at most " + currency.exponent()
                + " decimals, found \"" + text + "\"");
        return 0;
    }

    private static LocalTime time(Fields f, String key) {
        String text = f.required(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            f.problem(key, "must be a time of day HH:MM, found \"" + text + "\"");
            return null;
        }
    }

    private static String smallNumber(Fields f, String key, String fallback) {
        String value = f.text(key, fallback);
        check(f, key, Formats.match(value, Formats.SMALL_NUMBER, "a number of 1-4 digits"));
        return value;
    }

    private static List<String> cvmFields(Fields f) {
        Set<String> seen = new HashSet<>();
        List<String> fields = f.list("cvmFields", DEFAULT_CVM_FIELDS, e -> {
            String name = e.text();
            if (name == null) {
                return null;
            }
            if (!CVM_FIELDS.contains(name)) {
                e.problem("is not a cvmInfo field (" + String.join(", ", new TreeSet<>(CVM_FIELDS))
                        + "), found \"" + name + "\"");
                return null;
            }
            if (!seen.add(name)) {
                e.problem("\"" + name + "\" is listed twice");
                return null;
            }
            return name;
        });
        f.rejectEmpty("cvmFields", "must name at least one field");
        return fields;
    }

    private static List<MessageType> inboundTypes() {
        List<MessageType> types = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            if (type.inbound()) {
                types.add(type);
            }
        }
        return List.copyOf(types);
    }

    private static void check(Fields f, String key, String problem) {
        if (problem != null) {
            f.problem(key, problem);
        }
    }

    private record ClaimedBin(String bin, String path) {}
}
