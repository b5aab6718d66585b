package org.openscis.router.port;

import java.util.List;
import java.util.Set;
import org.openscis.router.MessageType;

/**
 * A card product of an issuer, from configuration (decisions.md §6): BIN and PAN length for new cards, the token BIN,
 * expiry, labels, card faces, what it allows and which CVM fields it requires.
 */
public record CardProduct(
        String prdNo,
        String issuerIin,
        String bin,
        int panLength,
        String tokenBin,
        int expiryMonths,
        String cardType,
        List<String> cardFaceIds,
        Set<MessageType> allowedTypes,
        List<String> cvmFields,
        String currency) {

    public String defaultCardFaceId() {
        return cardFaceIds.get(0);
    }

    public boolean allows(MessageType type) {
        return allowedTypes.contains(type);
    }
}
