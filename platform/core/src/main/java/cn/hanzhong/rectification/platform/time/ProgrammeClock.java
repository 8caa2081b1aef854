package cn.hanzhong.rectification.platform.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The programme's time: Asia/Shanghai, whatever zone the host runs in. Inject it instead of reading the
 * system clock anywhere. It reads only the injected {@link Clock} ({@link ClockProducer}'s by default),
 * so a test moves time by providing another {@code Clock} or mocking this bean.
 */
@ApplicationScoped
public class ProgrammeClock {

    /** The programme's zone (deadlines, working days, months of the dispatch). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public ProgrammeClock(Clock clock) {
        this.clock = clock.withZone(ZONE);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZONE);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public Clock clock() {
        return clock;
    }
}
