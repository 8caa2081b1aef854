package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.domain.UnitKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unit")
public record UnitResponse(@Schema(examples = "SSTHJJ") String code, @Schema(examples = "市生态环境局") String name,
                           UnitKind kind, String kindLabel, boolean active) {
}
