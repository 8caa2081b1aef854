package cn.hanzhong.rectification.issues.service.command;

/** The office's decision on an extension request. */
public record DecideExtension(Verdict verdict, String note) {

    public enum Verdict { APPROVE, REJECT }
}
