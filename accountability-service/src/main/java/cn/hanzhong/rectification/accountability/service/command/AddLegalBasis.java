package cn.hanzhong.rectification.accountability.service.command;

import cn.hanzhong.rectification.accountability.domain.LegalBasisKind;

/** A new entry of the legal-basis catalogue: a provision (title, article) and the situation it covers. */
public record AddLegalBasis(String code, String title, String article, String situation, LegalBasisKind kind) {
}
