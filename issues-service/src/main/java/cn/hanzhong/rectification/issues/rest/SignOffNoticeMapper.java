package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.issues.domain.SignOffNotice;
import cn.hanzhong.rectification.issues.domain.SignOffObjection;
import cn.hanzhong.rectification.issues.rest.dto.SignOffNoticeDtos;
import cn.hanzhong.rectification.issues.service.SignOffNotices;

import java.util.List;

/** Notices and objections as the public and the office see them; it derives nothing itself. */
final class SignOffNoticeMapper {

    private SignOffNoticeMapper() {
    }

    static SignOffNoticeDtos.PublicNotice toPublic(SignOffNotices.PublicNotice p) {
        SignOffNotice n = p.notice();
        return new SignOffNoticeDtos.PublicNotice(n.id, p.issueCode(), p.title(), p.leadUnitName(), List.copyOf(n.measures),
                n.opinion, n.verifiedOn, n.startsOn, n.endsOn, n.workingDays, n.status, n.status.label(),
                p.dismissed().stream().map(o -> new SignOffNoticeDtos.PublicReply(o.receivedAt, o.reply, o.ruledAt)).toList());
    }

    static SignOffNoticeDtos.Notice toResponse(SignOffNotices.NoticeView v) {
        SignOffNotice n = v.notice();
        return new SignOffNoticeDtos.Notice(n.id, n.issueId, v.issue().code, v.issue().title, n.round, n.status, n.status.label(),
                n.verifiedOn, n.verifiedBy, n.opinion, List.copyOf(n.measures), n.startsOn, n.endsOn, n.workingDays,
                n.publishedAt, n.closedAt, v.objections().stream().map(SignOffNoticeMapper::toResponse).toList());
    }

    static SignOffNoticeDtos.Objection toResponse(SignOffObjection o) {
        return new SignOffNoticeDtos.Objection(o.id, o.text, o.contactMasked, o.status, o.status.label(), o.reply, o.ruledBy,
                o.ruledAt, o.receivedAt);
    }
}
