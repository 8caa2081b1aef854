package cn.hanzhong.rectification.accountability.domain;

import java.util.UUID;

/** Whom a case concerns: a person (name, post, unit, rank level) or a unit. */
public record Subject(UUID id, SubjectKind kind, String name, String post, String unit, String rankLevel) {
}
