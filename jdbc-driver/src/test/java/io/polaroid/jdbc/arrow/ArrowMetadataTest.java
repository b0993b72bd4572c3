package io.polaroid.jdbc.arrow;

import io.polaroid.jdbc.MetadataContract;
import io.polaroid.jdbc.ModeFixture;

/** The metadata contract in the arrow mode. */
class ArrowMetadataTest extends MetadataContract {
    @Override
    protected ModeFixture fixture() {
        return ArrowFixture.INSTANCE;
    }
}
