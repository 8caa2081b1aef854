package cn.hanzhong.rectification.issues.domain;

/** A responsible official (整改负责人): name and post, e.g. 张三, 市生态环境局局长. */
public record ResponsibleOfficial(String name, String post) {
}
