package io.polaroid.jdbc.arrow;

import io.polaroid.jdbc.ErrorsContract;
import io.polaroid.jdbc.ModeFixture;

/** The errors contract in the arrow mode. */
class ArrowErrorsTest extends ErrorsContract {
    @Override
    protected ModeFixture fixture() {
        return ArrowFixture.INSTANCE;
    }
}
