package cn.hanzhong.rectification.accountability.rest.dto;

import cn.hanzhong.rectification.accountability.domain.LegalBasisKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "LegalBasis")
public record LegalBasisResponse(UUID id, String code, String title, String article, String situation,
                                 LegalBasisKind kind) {
}
