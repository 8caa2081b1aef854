package cn.hanzhong.rectification.platform.errors;

/** 503: something this request needs is away for the moment; the client may try again later. */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String detail) {
        super(503, "service-unavailable", "Service unavailable", detail);
    }
}
