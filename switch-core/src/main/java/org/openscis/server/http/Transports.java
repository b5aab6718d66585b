package org.openscis.server.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll on Linux when it loads, NIO elsewhere. */
public final class Transports {

    private Transports() {}

    public static boolean nativeAvailable() {
        return Epoll.isAvailable();
    }

    public static EventLoopGroup group(int threads, String name) {
        IoHandlerFactory factory = nativeAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
    }

    public static Class<? extends ServerSocketChannel> serverChannel() {
        return nativeAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static String describe() {
        return nativeAvailable() ? "epoll" : "nio";
    }
}
