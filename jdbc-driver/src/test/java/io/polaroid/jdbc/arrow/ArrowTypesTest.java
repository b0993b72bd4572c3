package io.polaroid.jdbc.arrow;

import io.polaroid.jdbc.TypesContract;
import io.polaroid.jdbc.ModeFixture;

/** The types contract in the arrow mode. */
class ArrowTypesTest extends TypesContract {
    @Override
    protected ModeFixture fixture() {
        return ArrowFixture.INSTANCE;
    }
}
