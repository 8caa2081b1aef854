package cn.hanzhong.rectification.notification.rest;

import cn.hanzhong.rectification.notification.domain.Notification;
import cn.hanzhong.rectification.notification.rest.dto.NotificationResponse;
import cn.hanzhong.rectification.notification.service.NoticeStreams;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** A live stream's server-sent-event connection: writes never block the caller; a failed write closes it. */
final class SseSink implements NoticeStreams.Sink {

    private final SseEventSink sink;
    private final Sse sse;
    private volatile boolean broken;

    SseSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public boolean send(Notification n) {
        return write(sse.newEventBuilder().id(Long.toString(n.id)).name(n.code())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationResponse.of(n, false)).build());
    }

    @Override
    public boolean comment(String text) {
        return write(sse.newEventBuilder().comment(text).build());
    }

    @Override
    public void close(String event, String data) {
        if (!isClosed()) {
            sink.send(sse.newEventBuilder().name(event).data(data).build())
                    .whenComplete((ok, failure) -> sink.close());
        }
    }

    @Override
    public void abort() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    @Override
    public boolean isClosed() {
        return broken || sink.isClosed();
    }

    private boolean write(OutboundSseEvent event) {
        if (isClosed()) {
            return false;
        }
        try {
            sink.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    broken = true;
                }
            });
            return true;
        } catch (RuntimeException e) {
            broken = true;
            return false;
        }
    }
}
