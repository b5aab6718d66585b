package org.openscis.server.qr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.codec.qr.UrlQr;
import org.openscis.router.port.QrHost;
import org.openscis.router.port.UrlOrder;

/**
 * The embedded UnionPay QR host simulator: the URL-mode codes of a JSON file ({@code qr.urlHost.file}), each with its
 * order, read and validated once at start (every problem reported at once). Codes are matched byte for byte; any other
 * is unknown (QRC_INFO_INQUIRY answers 03). Immutable and thread-safe.
 *
 * <p>File: {@code {"codes": [{"url", "trxAmt"?, "trxCurrency", "qrcUseCase"?, "upperLimitAmt"?, "merchantName",
 * "mcc", "merchantCountry", "merchantCity"?, "postalCode"?, "languagePreference"?, "merchantNameAL"?,
 * "merchantCityAL"?, "terminalID"?, "acquirerIIN", "fwdIIN", "mid"}, ...]}} plus an optional {@code description}.
 * A code without {@code trxAmt} is an open-amount code; {@code upperLimitAmt} only applies to those.
 */
public final class FileQrHost implements QrHost {

    /** A host file larger than this is certainly not one. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    static final int MAX_MERCHANT_NAME_CHARS = 40;
    static final int MAX_TERMINAL_ID_CHARS = 8;
    static final int MAX_SHORT_TEXT_CHARS = 40;
    private static final Pattern DIGITS_3 = Pattern.compile("\\d{3}");
    private static final Pattern DIGITS_4 = Pattern.compile("\\d{4}");
    private static final Pattern DIGITS_8 = Pattern.compile("\\d{8}");
    private static final Pattern MID = Pattern.compile("[\\x20-\\x7E]{1,15}");
    private static final Pattern USE_CASE = Pattern.compile("\\d{1,4}");
    private static final Set<String> MEMBERS = Set.of("url", "trxAmt", "trxCurrency", "qrcUseCase", "upperLimitAmt",
            "merchantName", "mcc", "merchantCountry", "merchantCity", "postalCode", "languagePreference",
            "merchantNameAL", "merchantCityAL", "terminalID", "acquirerIIN", "fwdIIN", "mid");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, UrlOrder> byUrl;

    private FileQrHost(Map<String, UrlOrder> byUrl) {
        this.byUrl = Map.copyOf(byUrl);
    }

    /** A host that knows no code (no {@code qr.urlHost.file} configured). */
    public static FileQrHost empty() {
        return new FileQrHost(Map.of());
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws IllegalArgumentException listing every problem of the file (or its absence)
     */
    public static FileQrHost load(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("QR host file " + file + ": larger than " + MAX_FILE_BYTES
                        + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("QR host file " + file + " cannot be read: " + e, e);
        }
        return parse(text, file.toString());
    }

    /** Validates the file's text; {@code source} names it in problems. */
    static FileQrHost parse(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("QR host file " + source + " is not JSON: "
                    + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        Map<String, UrlOrder> byUrl = new LinkedHashMap<>();
        JsonNode codes = root == null ? null : root.get("codes");
        if (root == null || !root.isObject() || codes == null || !codes.isArray()) {
            problems.add("codes: must be a list of codes");
        } else {
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("codes") && !name.equals("description")) {
                    problems.add(name + ": unknown member");
                }
            }
            for (int i = 0; i < codes.size(); i++) {
                UrlOrder order = order(codes.get(i), "codes[" + i + "]", problems);
                if (order != null && byUrl.putIfAbsent(order.url(), order) != null) {
                    problems.add("codes[" + i + "].url: the same code appears twice");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("QR host file " + source + ": " + String.join("; ", problems));
        }
        return new FileQrHost(byUrl);
    }

    private static UrlOrder order(JsonNode n, String path, List<String> problems) {
        if (n == null || !n.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        int before = problems.size();
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                problems.add(path + "." + name + ": unknown member");
            } else if (!n.get(name).isTextual()) {
                problems.add(path + "." + name + ": must be a string");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String url = required(n, "url", path, problems);
        if (url != null && UrlQr.parse(url).isEmpty()) {
            problems.add(path + ".url: not a UnionPay URL-mode QR code (https://qr.95516.com/<8 digits>/<digits>)");
        }
        String currencyCode = required(n, "trxCurrency", path, problems);
        Currency currency = currencyCode == null ? null : Currency.byNumeric(currencyCode).orElse(null);
        if (currencyCode != null && currency == null) {
            problems.add(path + ".trxCurrency: not an ISO 4217 numeric currency code");
        }
        String trxAmt = OrderJson.text(n, "trxAmt");
        String upper = OrderJson.text(n, "upperLimitAmt");
        amount(trxAmt, currency, path + ".trxAmt", problems);
        amount(upper, currency, path + ".upperLimitAmt", problems);
        if (trxAmt != null && upper != null) {
            problems.add(path + ".upperLimitAmt: only for open-amount codes (without trxAmt)");
        }
        String name = required(n, "merchantName", path, problems);
        if (name != null && name.length() > MAX_MERCHANT_NAME_CHARS) {
            problems.add(path + ".merchantName: at most " + MAX_MERCHANT_NAME_CHARS + " characters");
        }
        match(n, "mcc", DIGITS_4, "4 digits", true, path, problems);
        match(n, "merchantCountry", DIGITS_3, "an ISO 3166 numeric code (3 digits)", true, path, problems);
        match(n, "acquirerIIN", DIGITS_8, "8 digits", true, path, problems);
        match(n, "fwdIIN", DIGITS_8, "8 digits", true, path, problems);
        match(n, "mid", MID, "1-15 printable ASCII characters", true, path, problems);
        match(n, "qrcUseCase", USE_CASE, "1-4 digits", false, path, problems);
        match(n, "terminalID", MID, "printable ASCII", false, path, problems);
        String terminal = OrderJson.text(n, "terminalID");
        if (terminal != null && terminal.length() > MAX_TERMINAL_ID_CHARS) {
            problems.add(path + ".terminalID: at most " + MAX_TERMINAL_ID_CHARS + " characters");
        }
        for (String shortText : List.of("merchantCity", "postalCode", "languagePreference", "merchantNameAL",
                "merchantCityAL")) {
            String value = OrderJson.text(n, shortText);
            if (value != null && (value.isBlank() || value.length() > MAX_SHORT_TEXT_CHARS)) {
                problems.add(path + "." + shortText + ": 1 to " + MAX_SHORT_TEXT_CHARS + " characters");
            }
        }
        return problems.size() > before ? null : OrderJson.read(n);
    }

    private static String required(JsonNode n, String name, String path, List<String> problems) {
        String value = OrderJson.text(n, name);
        if (value == null || value.isBlank()) {
            problems.add(path + "." + name + ": is required");
            return null;
        }
        return value;
    }

    private static void match(JsonNode n, String name, Pattern pattern, String shape, boolean mandatory, String path,
            List<String> problems) {
        String value = mandatory ? required(n, name, path, problems) : OrderJson.text(n, name);
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(path + "." + name + ": must be " + shape);
        }
    }

    private static void amount(String text, Currency currency, String path, List<String> problems) {
        if (text == null || currency == null) {
            return;
        }
        if (Amount.parse(text, currency) instanceof AmountParse.Invalid invalid) {
            problems.add(path + ": " + invalid.reason());
        }
    }

    @Override
    public Optional<UrlOrder> resolve(String url) {
        return url == null ? Optional.empty() : Optional.ofNullable(byUrl.get(url));
    }

    /** How many codes the host knows. */
    public int size() {
        return byUrl.size();
    }

    @Override
    public String toString() {
        return "FileQrHost[" + byUrl.size() + " codes]";
    }
}
