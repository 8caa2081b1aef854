package cn.hanzhong.rectification.accountability.service;

import cn.hanzhong.rectification.accountability.domain.AccountabilityCase;
import cn.hanzhong.rectification.accountability.domain.CaseAction;
import cn.hanzhong.rectification.accountability.domain.LegalBasis;

import java.util.List;

/** A case with what a reader needs beside it: the legal bases it cites (in order) and the actions allowed now. */
public record CaseView(AccountabilityCase accountabilityCase, List<LegalBasis> legalBases, List<CaseAction> allowedActions) {
}
