package org.openscis.server.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardFace;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.ProductLimits;
import org.openscis.server.config.CardFaceConfig;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.config.ProductConfig;

/** Card products and card art from the {@code issuers} section, read once at start. */
public final class ConfigProductCatalog implements ProductCatalog {

    private final Map<String, CardProduct> byPrdNo = new HashMap<>();
    private final List<CardProduct> byBinLongestFirst = new ArrayList<>();
    private final Map<String, CardFace> faces = new HashMap<>();
    private final List<String> cvmFields;
    private final Map<String, ProductLimits> limits = new HashMap<>();
    /** The first configured product: KYC_VERIFICATION and OPEN_ACCOUNT use it when the request names none. */
    private CardProduct first;

    public ConfigProductCatalog(List<IssuerConfig> issuers) {
        Set<String> cvm = new LinkedHashSet<>();
        for (IssuerConfig issuer : issuers) {
            for (ProductConfig p : issuer.products()) {
                List<String> faceIds = p.cardFaces().stream().map(CardFaceConfig::id).toList();
                Set<MessageType> allowed = p.allowedMessageTypes() == null || p.allowedMessageTypes().isEmpty()
                        ? EnumSet.allOf(MessageType.class) : EnumSet.copyOf(p.allowedMessageTypes());
                CardProduct product = new CardProduct(p.prdNo(), issuer.iin(), p.bin(), p.panLength(), p.tokenBin(),
                        p.expiryMonths(), p.cardType(), faceIds, allowed, List.copyOf(p.cvmFields()), p.currency());
                byPrdNo.put(p.prdNo(), product);
                limits.put(p.prdNo(), p.limits() == null ? ProductLimits.NONE : p.limits());
                if (first == null) {
                    first = product;
                }
                byBinLongestFirst.add(product);
                cvm.addAll(p.cvmFields());
                for (CardFaceConfig f : p.cardFaces()) {
                    faces.put(f.id(), new CardFace(f.id(), f.cardfaceType(), f.panPosX(), f.panPosY(), f.panFontSize(),
                            f.color(), read(Path.of(f.file()))));
                }
            }
        }
        byBinLongestFirst.sort(Comparator.comparingInt((CardProduct p) -> p.bin().length()).reversed());
        cvmFields = List.copyOf(cvm);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("card face " + file + " unreadable", e);
        }
    }

    @Override
    public Optional<CardProduct> byPrdNo(String prdNo) {
        return Optional.ofNullable(prdNo == null ? null : byPrdNo.get(prdNo));
    }

    @Override
    public Optional<CardProduct> byPan(String pan) {
        return byBinLongestFirst.stream().filter(p -> pan.startsWith(p.bin())).findFirst();
    }

    @Override
    public boolean servesIin(String iin) {
        return byBinLongestFirst.stream().anyMatch(p -> iin.startsWith(p.bin()) || p.bin().startsWith(iin)
                || iin.equals(p.issuerIin()));
    }

    @Override
    public Optional<CardFace> cardFace(String cardFaceId) {
        return Optional.ofNullable(cardFaceId == null ? null : faces.get(cardFaceId));
    }

    @Override
    public List<String> cvmFields(String insId) {
        return cvmFields;
    }

    @Override
    public ProductLimits limits(String prdNo) {
        return prdNo == null ? ProductLimits.NONE : limits.getOrDefault(prdNo, ProductLimits.NONE);
    }

    @Override
    public Optional<CardProduct> defaultProduct(String insId) {
        return Optional.ofNullable(first);
    }
}
