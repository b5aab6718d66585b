package org.openscis.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.openscis.router.MessageType;

/**
 * Applies the HTTP rules of decisions.md §2 before any body is buffered: malformed HTTP 400, header block too large
 * 431, unknown path 404, method other than POST 405 (with {@code Allow: POST}), non-JSON content type 415, declared
 * body over the limit 413. An accepted request continues with its {@link MessageType} in {@link #TYPE}. The body of
 * a refused request is discarded; the connection stays open unless the request was unreadable or too large.
 */
public final class PreflightHandler extends ChannelInboundHandlerAdapter {

    /** The message type the path named, for the handlers after this one. */
    public static final AttributeKey<MessageType> TYPE = AttributeKey.valueOf("openscis.type");

    private final int maxBodyBytes;
    private final IntConsumer httpErrors;
    private boolean discarding;

    /** @param httpErrors counts refused requests by HTTP status */
    public PreflightHandler(int maxBodyBytes, IntConsumer httpErrors) {
        this.maxBodyBytes = maxBodyBytes;
        this.httpErrors = httpErrors;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            discarding = false;
            FullHttpResponse refusal = refusal(request);
            if (refusal == null) {
                ctx.channel().attr(TYPE).set(MessageType.byPath(path(request.uri())).orElseThrow());
                ctx.fireChannelRead(msg);
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess()
                    && refusal.status() != HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
            httpErrors.accept(refusal.status().code());
            ReferenceCountUtil.release(msg);
            discarding = !(msg instanceof LastHttpContent);
            HttpReplies.send(ctx, refusal, keepAlive);
            return;
        }
        if (discarding && msg instanceof HttpContent) {
            if (msg instanceof LastHttpContent) {
                discarding = false;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private FullHttpResponse refusal(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpHeaderException) {
                return HttpReplies.error(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header block too large");
            }
            if (cause instanceof TooLongHttpLineException) {
                return HttpReplies.error(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
            }
            if (cause instanceof TooLongFrameException) {
                return HttpReplies.error(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header too large");
            }
            return HttpReplies.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
        }
        Optional<MessageType> type = MessageType.byPath(path(request.uri()));
        if (type.isEmpty()) {
            return HttpReplies.error(HttpResponseStatus.NOT_FOUND, "no such path");
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse r = HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "only POST is allowed");
            r.headers().set(HttpHeaderNames.ALLOW, "POST");
            return r;
        }
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || !isJson(contentType)) {
            return HttpReplies.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "content type must be application/json");
        }
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > maxBodyBytes) {
            return HttpReplies.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "body larger than " + maxBodyBytes + " bytes");
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json");
    }

    static String path(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
