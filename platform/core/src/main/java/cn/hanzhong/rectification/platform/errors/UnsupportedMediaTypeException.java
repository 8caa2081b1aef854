package cn.hanzhong.rectification.platform.errors;

/** 415: the request's content is of a type this endpoint does not take (told from the bytes, not the name). */
public class UnsupportedMediaTypeException extends ProblemException {

    public UnsupportedMediaTypeException(String detail) {
        super(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}
