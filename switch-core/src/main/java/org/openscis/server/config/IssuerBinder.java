package org.openscis.server.config;

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
        CbsConfig cbs = cbs(f.mapping("cbs"));
        List<ProductConfig> products = f.list("products", List.of(), e -> {
            Fields p = e.fields();
            return p == null ? null : product(p);
        });
        f.requireElements("products", products, "is required: at least one card product");
        f.finish();
        return new IssuerConfig(iin, name, products, cbs);
    }

    private CbsConfig cbs(Fields f) {
        CbsConfig d = CbsConfig.embedded();
        String mode = f.text("mode", d.mode()).toLowerCase(Locale.ROOT);
        String baseUrl = f.text("baseUrl");
        Duration callTimeout = f.duration("callTimeout", d.callTimeout(), MAX_CBS_TIMEOUT);
        int maxConnections = f.integer("maxConnections", d.maxConnections(), 1, 10_000);
        int maxInFlight = f.integer("maxInFlight", d.maxInFlight(), 1, 100_000);
        f.finish();
        if (mode.equals(CbsConfig.HTTP)) {
            if (baseUrl == null) {
                f.problem("baseUrl", "is required when mode is http");
            } else {
                check(f, "baseUrl", Formats.httpUrl(baseUrl));
            }
        } else if (mode.equals(CbsConfig.EMBEDDED)) {
            if (baseUrl != null) {
                f.problem("baseUrl", "is only used when mode is http");
            }
        } else {
            f.problem("mode", "must be embedded or http, found \"" + mode + "\"");
        }
        // The CBS call runs inside the App Gateway request; a longer timeout could never be waited out.
        if (callTimeout.compareTo(requestDeadline) >= 0) {
            f.problem("callTimeout", "must be shorter than limits.requestDeadline (" + Durations.format(requestDeadline)
                    + "), found " + Durations.format(callTimeout));
        }
        return new CbsConfig(mode, baseUrl, callTimeout, maxConnections, maxInFlight);
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
        f.finish();
        return new ProductConfig(prdNo, bin, panLength, tokenBin, expiryMonths, cardType, currency, cardFaces,
                allowed, cvmFields);
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
