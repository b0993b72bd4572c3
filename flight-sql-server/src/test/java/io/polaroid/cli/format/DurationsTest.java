package io.polaroid.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void picksAUnitPeopleRead() {
        assertEquals("0.42 ms", Durations.format(Duration.ofNanos(420_000)));
        assertEquals("12.3 ms", Durations.format(Duration.ofNanos(12_345_678)));
        assertEquals("1.27 s", Durations.format(Duration.ofMillis(1_270)));
        assertEquals("2 min 05 s", Durations.format(Duration.ofSeconds(125)));
    }
}
