package io.polaroid.jdbc.arrow;

import io.polaroid.jdbc.StreamingContract;
import io.polaroid.jdbc.ModeFixture;

/** The streaming contract in the arrow mode. */
class ArrowStreamingTest extends StreamingContract {
    @Override
    protected ModeFixture fixture() {
        return ArrowFixture.INSTANCE;
    }
}
