package cn.hanzhong.rectification.platform.errors;

/** 409: the request conflicts with existing data, e.g. a duplicate code. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(409, "conflict", "Conflict", detail);
    }
}
