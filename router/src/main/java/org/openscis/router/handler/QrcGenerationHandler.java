package org.openscis.router.handler;

import java.util.List;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.qr.CpqrGenerator;
import org.openscis.router.qr.CpqrSettings;

/**
 * QRC_GENERATION (protocol.md §3.13, decisions.md §7): consumer-presented codes for the wallet to show. Request:
 * {@code deviceID}, {@code userID}, {@code token}, {@code trxLimit}, {@code cvmLimit}, {@code limitCurrency},
 * {@code cpqrcNo} (two digits, 01 to {@code qr.codes.maxPerRequest}, else 30), {@code couponInfo}?,
 * {@code riskInfo}? (object).
 *
 * <p>The {@link MovementChecks} apply with {@code trxLimit} as the amount and {@code limitCurrency} as the currency,
 * as to a movement that takes nothing from the account yet (no daily limit): token 14/73/55, card and token state
 * 21/41/43/34/54, product 89/40, tier 57, currency 30 (unknown) or 13 (not the card's), {@code trxLimit} 13 (zero,
 * malformed) or 61 (above the product's per-transaction limit), cut-off 90. {@code cvmLimit} may be zero and must
 * not exceed {@code trxLimit} (13). Then {@link CpqrGenerator} issues and stores the codes (durable before this
 * answers); a token whose 16-bit ATC is used up gets 21.
 *
 * <p>Response {@code trxInfo}: {@code cpqrcNo}, {@code emvCpqrcPayload} and {@code barcodeCpqrcPayload} (arrays, one
 * element per code, the barcode at index i identifying the same code as the payload at index i), and
 * {@code couponInfo}/{@code riskInfo} echoed when sent. Refusals carry no {@code trxInfo}.
 */
public final class QrcGenerationHandler extends SynchronousHandler {

    static final int CPQRC_NO_DIGITS = 2;

    private final MovementChecks checks;
    private final CpqrGenerator generator;
    private final CpqrSettings settings;

    public QrcGenerationHandler(MovementChecks checks, CpqrGenerator generator, CpqrSettings settings) {
        super(MessageType.QRC_GENERATION);
        this.checks = checks;
        this.generator = generator;
        this.settings = settings;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String trxLimit = reader.required("trxLimit", 1, MoneyFields.AMOUNT_MAX_READ_CHARS, CharClass.ANS);
        String cvmLimit = reader.required("cvmLimit", 1, MoneyFields.AMOUNT_MAX_READ_CHARS, CharClass.ANS);
        String limitCurrency = reader.required("limitCurrency", MoneyFields.CURRENCY_DIGITS,
                MoneyFields.CURRENCY_DIGITS, CharClass.N);
        String cpqrcNo = reader.required("cpqrcNo", CPQRC_NO_DIGITS, CPQRC_NO_DIGITS, CharClass.N);
        MoneyFields.riskInfo(reader);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        int count = Integer.parseInt(cpqrcNo);
        if (count < 1 || count > settings.maxPerRequest()) {
            return Outcome.fail(ResponseCode.FORMAT_ERROR,
                    "cpqrcNo: must be 01 to " + String.format("%02d", settings.maxPerRequest()));
        }
        CheckResult result = checks.check(new MovementCheck(request.type(), request.participant().insId(), token,
                deviceId, trxLimit, null, limitCurrency, null, null, false, request.receivedAt()));
        if (result instanceof CheckResult.Refused refused) {
            return Outcome.fail(refused.code(), renamed(refused.detail()));
        }
        CheckResult.Passed p = (CheckResult.Passed) result;
        Currency currency = p.amount().currency();
        AmountParse cvm = Amount.parseAllowZero(cvmLimit, currency);
        if (cvm instanceof AmountParse.Invalid invalid) {
            return Outcome.fail(ResponseCode.INVALID_AMOUNT, "cvmLimit: " + invalid.reason());
        }
        long cvmMinor = ((AmountParse.Ok) cvm).amount().minor();
        if (cvmMinor > p.amount().minor()) {
            return Outcome.fail(ResponseCode.INVALID_AMOUNT, "cvmLimit: must not exceed trxLimit");
        }
        CpqrGenerator.Generated generated = generator.generate(new CpqrGenerator.Order(
                request.participant().insId(), p.token(), p.card(), count, p.amount().minor(), cvmMinor,
                currency.numeric(), settings.validity()), request.receivedAt());
        if (!(generated instanceof CpqrGenerator.Generated.Issued issued)) {
            return Outcome.fail(ResponseCode.CARD_STATUS_ERROR,
                    "the token's application transaction counter is used up: enrol the card for a new token");
        }
        List<CpqrCode> codes = issued.codes();
        return Outcome.ok(TrxInfo.builder()
                .put("cpqrcNo", cpqrcNo)
                .put("emvCpqrcPayload", codes.stream().map(CpqrCode::emvPayload).toList())
                .put("barcodeCpqrcPayload", codes.stream().map(CpqrCode::barcode).toList())
                .put("couponInfo", request.trxInfo().get("couponInfo"))
                .put("riskInfo", request.trxInfo().get("riskInfo"))
                .build());
    }

    /** The checks name the fields of a movement; here the amount is {@code trxLimit} in {@code limitCurrency}. */
    private static String renamed(String detail) {
        return Optional.ofNullable(detail)
                .map(d -> d.replace("trxCurrency:", "limitCurrency:").replace("trxAmt:", "trxLimit:"))
                .orElse(null);
    }
}
