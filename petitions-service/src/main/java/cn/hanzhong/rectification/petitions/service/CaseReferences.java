package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.security.GrantingEvents;
import cn.hanzhong.rectification.platform.security.ReadGrants;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The petitions named by accountability cases ({@code relatedPetitions} of every case event): the discipline
 * body, which investigates the cases, may read those one by one (audited) and nothing else.
 */
@Singleton
public class CaseReferences extends GrantingEvents {

    static final String TOPIC = "rectification.accountability";

    /** The part of a case event read here. */
    public record CaseNaming(UUID id, List<UUID> relatedPetitions) {
    }

    public CaseReferences(ReadGrants grants, CloudEventCodec codec) {
        super(TOPIC, Set.of("accountability.case-proposed", "accountability.case-opened", "accountability.case-amended",
                "accountability.case-decided", "accountability.case-closed", "accountability.case-reviewed"),
                "accountability-case:", grants, codec);
    }

    @Override
    protected Naming naming(CloudEvent event, CloudEventCodec codec) {
        CaseNaming c = codec.data(event, CaseNaming.class);
        return new Naming(c.id(), c.relatedPetitions());
    }
}
