package io.polaroid.jdbc;

/** The types contract in the embedded mode. */
class EmbeddedTypesTest extends TypesContract {
    @Override
    protected ModeFixture fixture() {
        return EmbeddedFixture.shared();
    }
}
