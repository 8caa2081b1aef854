package cn.hanzhong.rectification.platform.errors;

/** 413: the request body is over the limit of its endpoint. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long maxBytes) {
        super(413, "payload-too-large", "Payload too large", "The request body may be at most " + maxBytes + " bytes here");
    }
}
