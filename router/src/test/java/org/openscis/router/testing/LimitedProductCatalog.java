package org.openscis.router.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.CardFace;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.ProductLimits;

/** A {@link FakeProductCatalog} plus money rules per product ({@link ProductLimits#NONE} unless set). */
public final class LimitedProductCatalog implements ProductCatalog {

    private final FakeProductCatalog products;
    private final Map<String, ProductLimits> limits = new ConcurrentHashMap<>();

    public LimitedProductCatalog(FakeProductCatalog products) {
        this.products = products;
    }

    public LimitedProductCatalog limits(String prdNo, ProductLimits productLimits) {
        limits.put(prdNo, productLimits);
        return this;
    }

    @Override
    public ProductLimits limits(String prdNo) {
        return limits.getOrDefault(prdNo, ProductLimits.NONE);
    }

    @Override
    public Optional<CardProduct> byPrdNo(String prdNo) {
        return products.byPrdNo(prdNo);
    }

    @Override
    public Optional<CardProduct> byPan(String pan) {
        return products.byPan(pan);
    }

    @Override
    public boolean servesIin(String iin) {
        return products.servesIin(iin);
    }

    @Override
    public Optional<CardFace> cardFace(String cardFaceId) {
        return products.cardFace(cardFaceId);
    }

    @Override
    public List<String> cvmFields(String insId) {
        return products.cvmFields(insId);
    }
}
