package org.openscis.connector.sim.bank;

import java.util.List;
import org.jooq.DSLContext;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;

/**
 * OPEN_ACCOUNT: opens a customer account for an approved KYC ({@code referNo}) under product {@code insPrd}, with
 * the product's opening balance posted from the currency's FUNDING account. The number is {@code 2} followed by 11
 * digits from a sequence, so it never collides with a seeded one. Refusals: unknown KYC reference 25, rejected KYC 05,
 * reference already used for an account 78, unknown product or no {@code lastName} 70.
 */
final class OpenAccount implements Processor {

    static final String ACCOUNT_STATUS = AccountRow.ACTIVE;

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        String referNo = f.text("referNo");
        String insPrd = f.text("insPrd");
        if (f.failed()) {
            return f.failure();
        }
        Product product = ctx.products().get(insPrd);
        if (product == null) {
            return Result.declined(ResponseCode.ISSUER_VALIDATION_ERROR, "unknown insPrd");
        }
        TrxInfo cvm = trx.object("cvmInfo");
        String lastName = cvm == null ? null : cvm.string("lastName");
        if (lastName == null || lastName.isBlank()) {
            return Result.declined(ResponseCode.ISSUER_VALIDATION_ERROR, "cvmInfo.lastName is missing");
        }
        DSLContext tx = ctx.tx();
        String decision = KycRecords.find(tx, referNo).orElse(null);
        if (decision == null) {
            return Result.declined(ResponseCode.ORIGINAL_NOT_FOUND, "no KYC with this referNo");
        }
        if (!KycRecords.APPROVED.equals(decision)) {
            return Result.declined(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "KYC was rejected");
        }
        if (tx.fetchExists(Schema.Accounts.TABLE, Schema.Accounts.REFER_NO.eq(referNo))) {
            return Result.declined(ResponseCode.DUPLICATE_REQUEST, "KYC referNo already used for an account");
        }
        String firstName = cvm.string("firstName");
        String midName = cvm.string("midName");
        String accountNo = String.format("2%011d", tx.nextval(Schema.ACCOUNT_NUMBERS));
        tx.insertInto(Schema.Accounts.TABLE)
                .set(Schema.Accounts.ACCOUNT_NO, accountNo)
                .set(Schema.Accounts.KIND, AccountKind.CUSTOMER.name())
                .set(Schema.Accounts.CURRENCY, product.currency().numeric())
                .set(Schema.Accounts.BALANCE, 0L)
                .set(Schema.Accounts.FIRST_NAME, firstName)
                .set(Schema.Accounts.LAST_NAME, lastName)
                .set(Schema.Accounts.TIER, product.tier())
                .set(Schema.Accounts.STATUS, ACCOUNT_STATUS)
                .set(Schema.Accounts.MAY_GO_NEGATIVE, false)
                .set(Schema.Accounts.COUNTRY_CODE, product.countryCode())
                .set(Schema.Accounts.PRODUCT, insPrd)
                .set(Schema.Accounts.REFER_NO, referNo)
                .set(Schema.Accounts.CREATED_AT, ctx.nowMillis())
                .execute();
        if (product.openingMinor() > 0) {
            String funding = Accounts.internal(tx, AccountKind.FUNDING, product.currency().numeric()).orElseThrow(
                    () -> new IllegalStateException("no FUNDING account for currency " + product.currency().numeric()));
            LedgerWriter.post(tx, ctx.msgId(), List.of(new Leg(funding, -product.openingMinor()),
                    new Leg(accountNo, product.openingMinor())));
        }
        TrxInfo accountInfo = TrxInfo.builder()
                .put("accountNo", accountNo)
                .put("firstName", firstName)
                .put("midName", midName)
                .put("lastName", lastName)
                .put("accountStatus", ACCOUNT_STATUS)
                .put("accountTier", product.tier())
                .put("countryCode", product.countryCode())
                .build();
        return Result.approved(TrxInfo.builder().put("accountInfo", accountInfo).put("referNo", referNo).build())
                .withAmount(new Amount(product.openingMinor(), product.currency()));
    }
}
