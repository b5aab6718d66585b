package org.openscis.server.config;

/** Card art: a 6-digit id, the image file and where the PAN is printed. */
public record CardFaceConfig(String id, String file, String cardfaceType, String panPosX, String panPosY,
        String panFontSize, String color) {}
