package cn.hanzhong.rectification.issues.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IssueActionTest {

    private static final Set<Actor> OFFICE = EnumSet.of(Actor.OFFICE);
    private static final Set<Actor> LEAD = EnumSet.of(Actor.LEAD_UNIT);

    @Test
    void officeAssignsARegisteredIssueOrCancelsIt() {
        assertEquals(List.of(IssueAction.ASSIGN, IssueAction.CANCEL), IssueAction.allowed(IssueStatus.REGISTERED, OFFICE));
        assertEquals(List.of(), IssueAction.allowed(IssueStatus.REGISTERED, LEAD));
    }

    @Test
    void leadUnitStartsAndRequestsAcceptance() {
        assertEquals(List.of(IssueAction.START), IssueAction.allowed(IssueStatus.ASSIGNED, LEAD));
        assertEquals(List.of(IssueAction.REQUEST_ACCEPTANCE), IssueAction.allowed(IssueStatus.IN_PROGRESS, LEAD));
        assertEquals(List.of(), IssueAction.allowed(IssueStatus.ACCEPTANCE_REQUESTED, LEAD),
                "the lead unit cannot accept its own issue");
    }

    @Test
    void officeVerifiesAcceptsOrRejectsARequest() {
        assertEquals(List.of(IssueAction.VERIFY, IssueAction.ACCEPT, IssueAction.REJECT, IssueAction.CANCEL),
                IssueAction.allowed(IssueStatus.ACCEPTANCE_REQUESTED, OFFICE));
        assertEquals(IssueStatus.PUBLIC_NOTICE, IssueAction.VERIFY.target());
        assertEquals(IssueStatus.SIGNED_OFF, IssueAction.ACCEPT.target());
        assertEquals(IssueStatus.IN_PROGRESS, IssueAction.REJECT.target());
    }

    @Test
    void onlyTheServiceEndsAPublicNotice() {
        assertEquals(List.of(IssueAction.CANCEL), IssueAction.allowed(IssueStatus.PUBLIC_NOTICE, EnumSet.of(Actor.OFFICE, Actor.LEAD_UNIT)),
                "no caller signs off or reopens an item in public notice");
        assertEquals(List.of(IssueAction.UPHOLD_OBJECTION, IssueAction.SIGN_OFF),
                IssueAction.allowed(IssueStatus.PUBLIC_NOTICE, EnumSet.of(Actor.SYSTEM)));
        assertEquals(IssueStatus.SIGNED_OFF, IssueAction.SIGN_OFF.target());
        assertEquals(IssueStatus.IN_PROGRESS, IssueAction.UPHOLD_OBJECTION.target());
    }

    @Test
    void onlyASignedOffIssueCanBeReopenedAndNothingLeavesCancelled() {
        assertEquals(List.of(IssueAction.REOPEN), IssueAction.allowed(IssueStatus.SIGNED_OFF, OFFICE));
        assertEquals(IssueStatus.IN_PROGRESS, IssueAction.REOPEN.target());
        assertEquals(List.of(), IssueAction.allowed(IssueStatus.CANCELLED, EnumSet.allOf(Actor.class)));
        assertFalse(IssueAction.CANCEL.isAllowedFrom(IssueStatus.SIGNED_OFF));
    }

    @Test
    void everyOpenStatusCanBeCancelledByTheOffice() {
        for (IssueStatus s : IssueStatus.values()) {
            assertEquals(s.isOpen(), IssueAction.CANCEL.isAllowedFrom(s), s.name());
        }
        assertTrue(IssueAction.CANCEL.actor() == Actor.OFFICE);
    }
}
