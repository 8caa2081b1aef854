package cn.hanzhong.rectification.platform.events;

/** A consumed message that can never be processed; it belongs on the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
