package org.openscis.server.client.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.ByteModeEncoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR symbols as PNG images, with ZXing: {@link #png} draws any text (an EMV MPM, a UnionPay URL, a CPM's base64) in
 * byte mode with error correction level M (ECI 26 for UTF-8 when the text is not ASCII, qr.md §1) inside a quiet zone
 * of four modules; {@link #read} finds and decodes the QR symbol in an image. Neither throws on bad input.
 */
public final class QrImages {

    /** The quiet zone ISO/IEC 18004 asks for, in modules on each side. */
    public static final int QUIET_ZONE_MODULES = 4;
    public static final int DEFAULT_SIZE_PX = 300;
    /** Fewer pixels a module and readers (ZXing's included) start missing large symbols. */
    public static final int MIN_MODULE_PX = 3;
    /** Larger images are pointless for a QR code and would only cost memory. */
    public static final int MAX_SIZE_PX = 4096;
    /** An image to read may be a photo; beyond this many pixels it is refused rather than decoded. */
    public static final long MAX_READ_PIXELS = 40_000_000L;
    private static final int DARK = 0xFF000000;
    private static final int LIGHT = 0xFFFFFFFF;

    private QrImages() {}

    /** What drawing a symbol gave: the PNG bytes, or why there is none. */
    public sealed interface Rendered {
        record Png(byte[] bytes, int widthPx, int version) implements Rendered {}

        record Refused(String reason) implements Rendered {}
    }

    /** What reading an image gave: the text of its QR symbol, or why there is none. */
    public sealed interface Read {
        record Text(String text) implements Read {}

        record Unreadable(String reason) implements Read {}
    }

    /**
     * A PNG of {@code text}: at least {@code sizePx} wide (more when the symbol needs it for {@value #MIN_MODULE_PX}
     * pixels a module), each module a whole number of pixels, the symbol centred with at least the quiet zone around
     * it.
     */
    public static Rendered png(String text, int sizePx) {
        if (text == null || text.isEmpty()) {
            return new Rendered.Refused("nothing to encode");
        }
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            return new Rendered.Refused("the text is not valid Unicode (a lone surrogate), so it has no UTF-8 form");
        }
        if (sizePx < 1 || sizePx > MAX_SIZE_PX) {
            return new Rendered.Refused("size must be 1-" + MAX_SIZE_PX + " pixels");
        }
        QRCode code;
        try {
            code = ByteModeEncoder.encode(text, ErrorCorrectionLevel.M);
        } catch (WriterException e) {
            return new Rendered.Refused(e.getMessage());
        }
        BufferedImage image = draw(code.getMatrix(), sizePx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return new Rendered.Png(out.toByteArray(), image.getWidth(), code.getVersion().getVersionNumber());
    }

    /** The text of the QR symbol in an image file's bytes (PNG, or any format ImageIO reads). */
    public static Read read(byte[] imageBytes) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(imageBytes));
        } catch (IOException | RuntimeException e) {
            return new Read.Unreadable("not a readable image: " + e.getMessage());
        }
        if (image == null) {
            return new Read.Unreadable("not an image format this JVM reads");
        }
        if ((long) image.getWidth() * image.getHeight() > MAX_READ_PIXELS) {
            return new Read.Unreadable("image larger than " + MAX_READ_PIXELS + " pixels");
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
        try {
            return new Read.Text(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText());
        } catch (ReaderException e) {
            // The finder-pattern detector misses some clean symbols (seen with a few module layouts); a rendered image
            // of one symbol on a quiet zone, as this class and screenshots produce, is still read in pure mode.
            try {
                return new Read.Text(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE,
                        Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText());
            } catch (ReaderException pure) {
                return new Read.Unreadable("no QR code found (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private static BufferedImage draw(ByteMatrix matrix, int sizePx) {
        int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        int scale = Math.max(MIN_MODULE_PX, sizePx / modules);
        int width = Math.max(sizePx, modules * scale);
        int offset = (width - matrix.getWidth() * scale) / 2;
        BufferedImage image = new BufferedImage(width, width, BufferedImage.TYPE_BYTE_BINARY);
        int[] row = new int[width];
        for (int y = 0; y < width; y++) {
            int my = Math.floorDiv(y - offset, scale);
            for (int x = 0; x < width; x++) {
                int mx = Math.floorDiv(x - offset, scale);
                boolean dark = my >= 0 && my < matrix.getHeight() && mx >= 0 && mx < matrix.getWidth()
                        && matrix.get(mx, my) == 1;
                row[x] = dark ? DARK : LIGHT;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }
}
