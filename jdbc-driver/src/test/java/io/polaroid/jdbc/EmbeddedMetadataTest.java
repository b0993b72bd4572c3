package io.polaroid.jdbc;

/** The metadata contract in the embedded mode. */
class EmbeddedMetadataTest extends MetadataContract {
    @Override
    protected ModeFixture fixture() {
        return EmbeddedFixture.shared();
    }
}
