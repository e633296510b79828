package org.csp.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body sent in chunks (no {@code Content-Length}), counted as it streams to the service: past
 * {@code limit} bytes it stops and fails, so the gateway resets the request to the service, which never sees a whole
 * body, and answers the client with a 413 problem. A body with a declared length is checked by that length before any
 * of it is read (the kernel's {@code BodyLimit}) and needs no counting.
 */
final class CountedBody implements ReadStream<Buffer> {

    /** The failure of a body past its limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("The body is longer than the " + limit + " bytes accepted.", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long read;
    private boolean tooLarge;
    private Handler<Throwable> failed;

    CountedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    /** Whether the body passed its limit. */
    boolean tooLarge() {
        return tooLarge;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.failed = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(buffer -> {
            if (tooLarge) {
                return; // the rest is read and dropped
            }
            read += buffer.length();
            if (read <= limit) {
                handler.handle(buffer);
                return;
            }
            tooLarge = true;
            if (failed != null) {
                failed.handle(new TooLarge(limit));
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        source.endHandler(
                handler == null
                        ? null
                        : end -> {
                            if (!tooLarge) {
                                handler.handle(end);
                            }
                        });
        return this;
    }
}
