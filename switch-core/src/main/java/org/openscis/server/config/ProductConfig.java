package org.openscis.server.config;

import java.util.List;
import org.openscis.router.MessageType;
import org.openscis.router.port.ProductLimits;

/** A card product (decisions.md §6); {@code currency} is ISO 4217 numeric; {@code limits} its money rules (§5). */
public record ProductConfig(
        String prdNo,
        String bin,
        int panLength,
        String tokenBin,
        int expiryMonths,
        String cardType,
        String currency,
        List<CardFaceConfig> cardFaces,
        List<MessageType> allowedMessageTypes,
        List<String> cvmFields,
        ProductLimits limits) {}
