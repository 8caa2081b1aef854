package cn.hanzhong.rectification.platform.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the PRC working-day calendar injectable; one instance per application. */
@ApplicationScoped
public class CalendarProducer {

    @Produces
    @Singleton
    WorkingDayCalendar calendar() {
        return WorkingDayCalendar.prc();
    }
}
