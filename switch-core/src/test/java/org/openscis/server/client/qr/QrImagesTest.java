package org.openscis.server.client.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.ByteModeEncoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrImagesTest {

    /** An all-capitals MPM: ZXing's own encoder would choose alphanumeric mode for it. */
    private static final String CAPITALS_MPM = ((MerchantQr.Built.Payload) new MerchantQr("25000344", "00020344",
            "500034470110001", "DEMO CAFE", "HONG KONG", "5812", "344", "HK", null, null, null, null).build()).text();
    private static final String CPM = "hQVDUFYwMWFYTwigAAADMwEBAVcTYpJhA1hEQzVkHSIQIBAAABiAH180AQBjM58mCFaLEtnaC9l/"
            + "nycBgJ8QEQcAAQOgAAABCDM5OTk5OTk5nzYCAAGCAgAAnzcE6gZYyA==";

    @ParameterizedTest
    @ValueSource(strings = {"mpm-p14-emvco-annex-b", "mpm-p02-rrtx-hk-restored", "mpm-p19-korea-static-hangul",
        "mpm-c14-supplementary-char"})
    void mpmVectorsRoundTrip(String id) throws Exception {
        String payload = QrVectors.validMpm(id);

        assertThat(roundTrip(payload)).isEqualTo(payload);
    }

    @Test
    void urlCpmAndAnyTextRoundTrip() {
        for (String text : new String[] {"https://qr.95516.com/00010000/62000000000000000000000001", CPM,
                CAPITALS_MPM, "Grüße 最佳运输 😀"}) {
            assertThat(roundTrip(text)).isEqualTo(text);
        }
    }

    @Test
    void nonAsciiTextCarriesEci26AndAsciiNone() throws Exception {
        assertThat(decodeWithZxing(QrVectors.validMpm("mpm-p14-emvco-annex-b"))
                .getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]Q2");
        assertThat(decodeWithZxing(CAPITALS_MPM)
                .getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]Q1");
    }

    @Test
    void alwaysByteModeEvenWhereZxingWouldPickAlphanumeric() throws Exception {
        assertThat(com.google.zxing.qrcode.encoder.Encoder.chooseMode(CAPITALS_MPM)).isEqualTo(Mode.ALPHANUMERIC);
        assertThat(ByteModeEncoder.encode(CAPITALS_MPM, ErrorCorrectionLevel.M).getMode()).isEqualTo(Mode.BYTE);
        assertThat(ByteModeEncoder.encode(CAPITALS_MPM, ErrorCorrectionLevel.M).getECLevel())
                .isEqualTo(ErrorCorrectionLevel.M);
    }

    @Test
    void theSymbolSitsInAQuietZoneAndTheImageIsAtLeastTheSizeAsked() throws Exception {
        QrImages.Rendered.Png png = (QrImages.Rendered.Png) QrImages.png(CAPITALS_MPM, 300);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));

        assertThat(image.getWidth()).isEqualTo(png.widthPx()).isGreaterThanOrEqualTo(300);
        int modules = 17 + 4 * png.version() + 2 * QrImages.QUIET_ZONE_MODULES;
        int scale = image.getWidth() / modules;
        int quietPx = QrImages.QUIET_ZONE_MODULES * scale;
        for (int i = 0; i < image.getWidth(); i++) {
            for (int edge = 0; edge < quietPx; edge++) {
                assertThat(image.getRGB(i, edge) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(edge, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            }
        }
        QrImages.Rendered.Png tiny = (QrImages.Rendered.Png) QrImages.png("x", 1);
        assertThat(tiny.widthPx()).isEqualTo((21 + 8) * QrImages.MIN_MODULE_PX); // version 1 grows to 3 px a module
    }

    @Test
    void badInputGivesValuesNotExceptions() throws Exception {
        assertThat(QrImages.png("", 300)).isInstanceOf(QrImages.Rendered.Refused.class);
        assertThat(QrImages.png("a\uD800b", 300)).isInstanceOf(QrImages.Rendered.Refused.class);
        assertThat(QrImages.png("x", 0)).isInstanceOf(QrImages.Rendered.Refused.class);
        assertThat(QrImages.png("x", QrImages.MAX_SIZE_PX + 1)).isInstanceOf(QrImages.Rendered.Refused.class);
        assertThat(QrImages.png("9".repeat(3000), 300)).isInstanceOf(QrImages.Rendered.Refused.class);
        assertThat(QrImages.read(new byte[] {1, 2, 3})).isInstanceOf(QrImages.Read.Unreadable.class);
        assertThat(QrImages.read(new byte[0])).isInstanceOf(QrImages.Read.Unreadable.class);
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);
        assertThat(QrImages.read(out.toByteArray())).isInstanceOf(QrImages.Read.Unreadable.class);
    }

    private static String roundTrip(String text) {
        QrImages.Rendered rendered = QrImages.png(text, QrImages.DEFAULT_SIZE_PX);
        assertThat(rendered).isInstanceOf(QrImages.Rendered.Png.class);
        QrImages.Read read = QrImages.read(((QrImages.Rendered.Png) rendered).bytes());
        assertThat(read).isInstanceOf(QrImages.Read.Text.class);
        return ((QrImages.Read.Text) read).text();
    }

    private static Result decodeWithZxing(String text) throws Exception {
        byte[] png = ((QrImages.Rendered.Png) QrImages.png(text, 300)).bytes();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))));
    }
}
