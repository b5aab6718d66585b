package org.openscis.connector.link;

import io.netty.channel.Channel;

/** A connection of a link's pool: its channel and the handler that runs its exchanges. */
record LinkConnection(Channel channel, ExchangeHandler exchange) {

    boolean usable() {
        return channel.isActive() && !exchange.busy();
    }

    void close() {
        channel.close();
    }
}
