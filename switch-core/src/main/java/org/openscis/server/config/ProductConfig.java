package org.openscis.server.config;

import java.util.List;
import org.openscis.router.MessageType;

/** A card product (decisions.md §6); {@code currency} is ISO 4217 numeric. */
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
        List<String> cvmFields) {}
