package io.polaroid.jdbc.arrow;

import io.polaroid.jdbc.DifferentialContract;
import io.polaroid.jdbc.ModeFixture;

/** The differential contract in the arrow mode. */
class ArrowDifferentialTest extends DifferentialContract {
    @Override
    protected ModeFixture fixture() {
        return ArrowFixture.INSTANCE;
    }
}
