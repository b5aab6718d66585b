package org.openscis.server.config;

import java.util.List;

/** TLS for a listener; {@code clientCaFile} set means mutual TLS. Protocols default to TLSv1.3 and TLSv1.2. */
public record TlsConfig(String certFile, String keyFile, String clientCaFile, List<String> protocols) {}
