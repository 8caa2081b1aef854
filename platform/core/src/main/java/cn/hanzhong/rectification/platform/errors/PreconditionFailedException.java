package cn.hanzhong.rectification.platform.errors;

/** 412: the {@code If-Match} version is not the current one; the client must re-read and retry. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(412, "precondition-failed", "Precondition failed", detail);
    }
}
