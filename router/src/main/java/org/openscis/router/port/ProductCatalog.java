package org.openscis.router.port;

import java.util.List;
import java.util.Optional;

/** Issuers, card products and card faces from configuration. */
public interface ProductCatalog {

    Optional<CardProduct> byPrdNo(String prdNo);

    /** The product whose BIN starts the PAN (longest BIN wins). */
    Optional<CardProduct> byPan(String pan);

    /** True if some configured issuer serves this BIN prefix at all (distinguishes 14 from 15). */
    boolean servesIin(String iin);

    Optional<CardFace> cardFace(String cardFaceId);

    /** The CVM fields App Gateways must collect (CVM_INQUIRY): those of the participant's default product. */
    List<String> cvmFields(String insId);

    /** The money rules of a product (decisions.md §5); {@link ProductLimits#NONE} unless configured. */
    default ProductLimits limits(String prdNo) {
        return ProductLimits.NONE;
    }

    /**
     * The product KYC_VERIFICATION and OPEN_ACCOUNT use for a participant that names none: its configured default
     * product, else the first configured product.
     */
    default Optional<CardProduct> defaultProduct(String insId) {
        return Optional.empty();
    }
}
