package cn.hanzhong.rectification.petitions.rest.dto;

import cn.hanzhong.rectification.petitions.service.command.Publish;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Publishes a petition's disclosure row. Texts left out are taken from the pseudonymised preview; the
 * office may give reviewed texts instead (they are pseudonymised again before storing).
 */
@Schema(name = "PublicationRequest")
public record PublicationRequest(@Size(max = 20000) String content, @Size(max = 20000) String investigation,
                                 @Size(max = 20000) String handling, @Size(max = 20000) String accountability) {

    public Publish toCommand() {
        return new Publish(content, investigation, handling, accountability);
    }
}
