package org.openscis.server.client;

import java.io.PrintStream;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.cli.ExitCodes;
import org.openscis.server.cli.QrPayRequest;

/**
 * {@code openscis client qr pay}: plans the wallet's messages for a scanned merchant QR
 * ({@link MerchantQrPayment}, {@link UrlQrPayment}) and sends them one after another, printing each exchange.
 */
final class QrPayFlow {

    private final ClientCommandRunner runner;

    QrPayFlow(ClientCommandRunner runner) {
        this.runner = runner;
    }

    int pay(AppGatewayClient client, QrPayRequest request, PrintStream out) {
        QrPayer payer = new QrPayer(request.deviceId(), request.userId(), request.token());
        String payload = request.payload();
        if (!UrlQrPayment.isUrl(payload)) {
            return send(client, new MerchantQrPayment().plan(payer, payload, request.amount(), request.tip()), out)
                    .exitCode();
        }
        if (request.tip() != null) {
            out.println("error: a URL-mode code takes no tip");
            return ExitCodes.FAILED;
        }
        ClientCommandRunner.Sent inquiry = send(client, UrlQrPayment.inquiry(payer, payload), out);
        if (inquiry.exitCode() != ExitCodes.OK) {
            return inquiry.exitCode();
        }
        TrxInfo order = inquiry.trxInfo();
        out.println("order: " + order.string("merchantName") + " (mcc " + order.string("mcc") + "), "
                + (order.string("trxAmt") == null ? "open amount" : order.string("trxAmt")) + " "
                + order.string("trxCurrency"));
        return send(client, UrlQrPayment.payment(payer, payload, inquiry.msgId(), order, request.amount()), out)
                .exitCode();
    }

    private ClientCommandRunner.Sent send(AppGatewayClient client, QrPlan plan, PrintStream out) {
        if (plan instanceof QrPlan.Refused refused) {
            out.println("error: " + refused.reason());
            return new ClientCommandRunner.Sent(ExitCodes.FAILED, null, TrxInfo.EMPTY);
        }
        QrPlan.Send send = (QrPlan.Send) plan;
        for (String note : send.notes()) {
            out.println("note: " + note);
        }
        return runner.exchange(client, send.msgType(), send.trxInfo(), null, out);
    }
}
