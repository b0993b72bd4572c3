package io.polaroid.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeasurementTest {
    private static Measurement of(Double... millis) {
        return new Measurement(1, List.of(millis), 1, new ResultDigest.Builder().build(0), Optional.empty());
    }

    @Test
    void medianOfAnOddAndAnEvenNumberOfRuns() {
        assertEquals(20, of(30.0, 10.0, 20.0).medianMillis());
        assertEquals(25, of(40.0, 10.0, 20.0, 30.0).medianMillis());
        assertEquals(10, of(30.0, 10.0, 20.0).minMillis());
    }

    @Test
    void aFailedMeasurementHasNoTimes() {
        Measurement failed = Measurement.failed("[42P01] unknown dataset");
        assertFalse(failed.ok());
        assertTrue(Double.isNaN(failed.medianMillis()));
        assertTrue(Double.isNaN(failed.minMillis()));
    }

    @Test
    void settingsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(1, 0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(-1, 1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new RunSettings(1, 1, 0, 10));
    }
}
