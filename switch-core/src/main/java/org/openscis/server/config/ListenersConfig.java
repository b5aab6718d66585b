package org.openscis.server.config;

/** The App Gateway / acquirer listener and the operators' admin listener. */
public record ListenersConfig(ListenerConfig http, ListenerConfig admin) {}
