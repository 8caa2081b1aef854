package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.petitions.event.PetitionEvents.PetitionFacts;
import cn.hanzhong.rectification.petitions.event.PetitionEvents;
import cn.hanzhong.rectification.petitions.repository.PetitionRepository;
import cn.hanzhong.rectification.platform.calendar.CalendarYears;
import cn.hanzhong.rectification.platform.calendar.WorkingDayCalendar;
import cn.hanzhong.rectification.platform.consumer.TopicHandler;
import cn.hanzhong.rectification.platform.events.CloudEvent;
import cn.hanzhong.rectification.platform.events.CloudEventCodec;
import cn.hanzhong.rectification.platform.outbox.Outbox;
import cn.hanzhong.rectification.platform.time.ProgrammeClock;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Set;

/**
 * The working-day calendar its owner (issues-service) publishes on {@code rectification.issues}: a
 * year's notice is stored here too, and every open petition whose working-day deadline was provisional
 * across that year is recounted — a moved deadline recorded and published as
 * {@code petition.deadline-changed}. The only events this service consumes.
 */
@Singleton
public class CalendarNotices extends TopicHandler {

    static final String TOPIC = "rectification.issues";

    private final CalendarYears years;
    private final WorkingDayCalendar calendar;
    private final PetitionRepository petitions;
    private final History history;
    private final Outbox outbox;
    private final CloudEventCodec codec;
    private final ProgrammeClock clock;

    public CalendarNotices(CalendarYears years, WorkingDayCalendar calendar, PetitionRepository petitions,
                           History history, Outbox outbox, CloudEventCodec codec, ProgrammeClock clock) {
        super(TOPIC, Set.of(CalendarYears.UPDATED));
        this.years = years;
        this.calendar = calendar;
        this.petitions = petitions;
        this.history = history;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public void apply(CloudEvent event) {
        CalendarYears.Notice notice = codec.data(event, CalendarYears.Notice.class);
        if (!years.apply(notice)) {
            return;
        }
        String reason = "calendar " + notice.year() + " published";
        for (Petition p : petitions.lockProvisionalAcross(notice.year())) {
            recount(p, reason);
        }
    }

    private void recount(Petition p, String reason) {
        LocalDate old = p.deadline;
        String oldRule = p.deadlineRule;
        p.countDeadline(p.deadlineWorkingDays, p.deadlineFrom, calendar.add(p.deadlineFrom, p.deadlineWorkingDays));
        p.touch(clock.now());
        if (p.deadline.equals(old)) {
            history.change(p, "CALENDAR_PUBLISHED", "deadlineRule", oldRule, p.deadlineRule, reason);
            return;
        }
        history.change(p, "CALENDAR_PUBLISHED", "deadline", old, p.deadline, reason);
        outbox.publish(PetitionEvents.TOPIC, PetitionEvents.DEADLINE_CHANGED, p.id.toString(),
                new PetitionEvents.PetitionDeadlineChanged(PetitionFacts.of(p), old, p.deadline, reason));
    }
}
