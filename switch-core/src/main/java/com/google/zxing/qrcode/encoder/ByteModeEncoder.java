package com.google.zxing.qrcode.encoder;

import com.google.zxing.WriterException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.CharacterSetECI;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import java.nio.charset.StandardCharsets;

/**
 * ZXing's {@link Encoder} steps with the mode fixed to byte: EMVCo QR codes are byte mode (qr.md §1), but
 * {@link Encoder#encode} picks alphanumeric mode for text made only of digits, capitals, space and {@code $%*+-./:}
 * (an all-capitals MPM payload) and offers no hint to prevent it. This class lives in ZXing's package only to reach
 * the package-private steps (bit appending, Reed-Solomon interleaving, matrix building, mask penalties); it adds no
 * QR logic of its own beyond choosing the mode and the ECI.
 */
public final class ByteModeEncoder {

    private static final int MAX_VERSION = 40;

    private ByteModeEncoder() {}

    /**
     * A byte-mode symbol of {@code text} in UTF-8. Text with any character outside US-ASCII starts with an ECI
     * segment naming UTF-8 (ECI 26), as EMVCo requires; plain ASCII text carries none, so every reader agrees on it.
     *
     * @throws WriterException when the text does not fit a version 40 symbol at this level
     */
    public static QRCode encode(String text, ErrorCorrectionLevel level) throws WriterException {
        BitArray header = new BitArray();
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            header.appendBits(Mode.ECI.getBits(), 4);
            header.appendBits(CharacterSetECI.UTF8.getValue(), 8);
        }
        Encoder.appendModeInfo(Mode.BYTE, header);
        BitArray data = new BitArray();
        Encoder.append8BitBytes(text, data, StandardCharsets.UTF_8);
        // The count field's width depends on the version and the version on the total size: guess with version 1.
        Version provisional = chooseVersion(bitsNeeded(header, data, Version.getVersionForNumber(1)), level);
        Version version = chooseVersion(bitsNeeded(header, data, provisional), level);

        BitArray bits = new BitArray();
        bits.appendBitArray(header);
        Encoder.appendLengthInfo(data.getSizeInBytes(), version, Mode.BYTE, bits);
        bits.appendBitArray(data);
        Version.ECBlocks blocks = version.getECBlocksForLevel(level);
        int dataBytes = version.getTotalCodewords() - blocks.getTotalECCodewords();
        Encoder.terminateBits(dataBytes, bits);
        BitArray interleaved = Encoder.interleaveWithECBytes(bits, version.getTotalCodewords(), dataBytes,
                blocks.getNumBlocks());

        int dimension = version.getDimensionForVersion();
        ByteMatrix matrix = new ByteMatrix(dimension, dimension);
        int mask = bestMask(interleaved, level, version, matrix);
        MatrixUtil.buildMatrix(interleaved, level, version, mask, matrix);
        QRCode code = new QRCode();
        code.setECLevel(level);
        code.setMode(Mode.BYTE);
        code.setVersion(version);
        code.setMaskPattern(mask);
        code.setMatrix(matrix);
        return code;
    }

    private static int bitsNeeded(BitArray header, BitArray data, Version version) {
        return header.getSize() + Mode.BYTE.getCharacterCountBits(version) + data.getSize();
    }

    private static Version chooseVersion(int bits, ErrorCorrectionLevel level) throws WriterException {
        for (int n = 1; n <= MAX_VERSION; n++) {
            Version version = Version.getVersionForNumber(n);
            if (Encoder.willFit(bits, version, level)) {
                return version;
            }
        }
        throw new WriterException("text too long for a QR code at error correction level " + level);
    }

    /** The mask with the lowest penalty, as ZXing's own encoder chooses it. */
    private static int bestMask(BitArray bits, ErrorCorrectionLevel level, Version version, ByteMatrix matrix)
            throws WriterException {
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
            MatrixUtil.buildMatrix(bits, level, version, mask, matrix);
            int penalty = MaskUtil.applyMaskPenaltyRule1(matrix) + MaskUtil.applyMaskPenaltyRule2(matrix)
                    + MaskUtil.applyMaskPenaltyRule3(matrix) + MaskUtil.applyMaskPenaltyRule4(matrix);
            if (penalty < lowest) {
                lowest = penalty;
                best = mask;
            }
        }
        return best;
    }
}
