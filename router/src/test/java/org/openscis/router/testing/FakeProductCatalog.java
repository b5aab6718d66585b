package org.openscis.router.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openscis.router.port.CardFace;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.ProductCatalog;

/**
 * A catalog built in the test. An IIN prefix is served if it starts with a registered issuer prefix (or a product
 * BIN), or a registered prefix starts with it.
 */
public final class FakeProductCatalog implements ProductCatalog {

    private final Map<String, CardProduct> products = new LinkedHashMap<>();
    private final Map<String, CardFace> faces = new HashMap<>();
    private final Map<String, List<String>> cvmFieldsByInsId = new HashMap<>();
    private final Set<String> servedIins = new HashSet<>();

    public FakeProductCatalog add(CardProduct product) {
        products.put(product.prdNo(), product);
        servedIins.add(product.bin());
        return this;
    }

    public FakeProductCatalog add(CardFace face) {
        faces.put(face.cardFaceId(), face);
        return this;
    }

    /** An issuer BIN range served by the switch without any product whose BIN matches. */
    public FakeProductCatalog serveIin(String prefix) {
        servedIins.add(prefix);
        return this;
    }

    public FakeProductCatalog cvmFields(String insId, List<String> fields) {
        cvmFieldsByInsId.put(insId, List.copyOf(fields));
        return this;
    }

    @Override
    public Optional<CardProduct> byPrdNo(String prdNo) {
        return Optional.ofNullable(prdNo == null ? null : products.get(prdNo));
    }

    @Override
    public Optional<CardProduct> byPan(String pan) {
        return products.values().stream()
                .filter(p -> pan.startsWith(p.bin()))
                .max(Comparator.comparingInt(p -> p.bin().length()));
    }

    @Override
    public boolean servesIin(String iin) {
        return servedIins.stream().anyMatch(s -> iin.startsWith(s) || s.startsWith(iin));
    }

    @Override
    public Optional<CardFace> cardFace(String cardFaceId) {
        return Optional.ofNullable(faces.get(cardFaceId));
    }

    @Override
    public List<String> cvmFields(String insId) {
        return new ArrayList<>(cvmFieldsByInsId.getOrDefault(insId, List.of()));
    }
}
