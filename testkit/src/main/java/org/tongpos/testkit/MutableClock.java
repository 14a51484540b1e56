package org.tongpos.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The one clock tests move by hand, in every module. {@link #withZone} gives a view in another zone that moves with
 * this one (the terminal applies its business zone that way). {@link #sleep} advances it instead of sleeping and
 * records the wait, so that code taking a sleeper ({@code clock::sleep}) runs at once and its waits can be checked.
 */
public final class MutableClock extends Clock {

    private final State state;
    private final ZoneId zone;

    /** Starts at {@code start}, in UTC. */
    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public MutableClock(Instant start, ZoneId zone) {
        this(new State(Objects.requireNonNull(start, "start")), zone);
    }

    private MutableClock(State state, ZoneId zone) {
        this.state = state;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Starts at an ISO instant such as {@code 2026-11-30T04:00:00Z}, in UTC. */
    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant));
    }

    public void advance(Duration duration) {
        synchronized (state) {
            state.now = state.now.plus(duration);
        }
    }

    /** Advances the clock by {@code duration} in place of sleeping, and records the wait. */
    public void sleep(Duration duration) {
        state.sleeps.add(duration);
        advance(duration);
    }

    /** Every wait passed to {@link #sleep}, in order. */
    public List<Duration> sleeps() {
        synchronized (state.sleeps) {
            return List.copyOf(state.sleeps);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new MutableClock(state, zone);
    }

    @Override
    public Instant instant() {
        synchronized (state) {
            return state.now;
        }
    }

    /** What the views of one clock share. */
    private static final class State {
        private Instant now;
        private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

        State(Instant start) {
            this.now = start;
        }
    }
}
