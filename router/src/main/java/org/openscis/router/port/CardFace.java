package org.openscis.router.port;

/** Card art and the PAN's position on it, as CARDFACE_DOWNLOADING returns it. {@code data} is the raw image. */
public record CardFace(String cardFaceId, String cardfaceType, String panPosX, String panPosY, String panFontSize,
        String color, byte[] data) {}
