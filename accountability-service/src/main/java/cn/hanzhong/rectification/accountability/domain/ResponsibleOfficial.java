package cn.hanzhong.rectification.accountability.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An official the ledger names as responsible for an issue (整改负责人): proposed as a subject. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponsibleOfficial(String name, String post) {
}
