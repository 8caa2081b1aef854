package cn.hanzhong.rectification.petitions.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PetitionActionTest {

    private static final EnumSet<Actor> OFFICE = EnumSet.of(Actor.OFFICE);
    private static final EnumSet<Actor> LEAD = EnumSet.of(Actor.LEAD_UNIT);

    @Test
    void officeAssignsOrMarksADuplicate() {
        assertEquals(List.of(PetitionAction.ASSIGN, PetitionAction.MARK_DUPLICATE),
                PetitionAction.allowed(PetitionStatus.RECEIVED, OFFICE));
    }

    @Test
    void leadUnitInvestigatesAndConcludes() {
        assertEquals(List.of(PetitionAction.START_INVESTIGATION), PetitionAction.allowed(PetitionStatus.ASSIGNED, LEAD));
        assertEquals(List.of(PetitionAction.CONCLUDE), PetitionAction.allowed(PetitionStatus.INVESTIGATING, LEAD));
        assertEquals(List.of(), PetitionAction.allowed(PetitionStatus.CONCLUDED, LEAD));
    }

    @Test
    void officeReviewsAndLooksBack() {
        assertEquals(List.of(PetitionAction.RETURN, PetitionAction.CLOSE), PetitionAction.allowed(PetitionStatus.CONCLUDED, OFFICE));
        assertEquals(List.of(PetitionAction.CONFIRM, PetitionAction.REOPEN), PetitionAction.allowed(PetitionStatus.CLOSED, OFFICE));
        assertEquals(List.of(PetitionAction.REOPEN), PetitionAction.allowed(PetitionStatus.CONFIRMED, OFFICE));
        assertEquals(PetitionStatus.INVESTIGATING, PetitionAction.REOPEN.target());
        assertEquals(List.of(), PetitionAction.allowed(PetitionStatus.DUPLICATE, EnumSet.allOf(Actor.class)));
    }
}
