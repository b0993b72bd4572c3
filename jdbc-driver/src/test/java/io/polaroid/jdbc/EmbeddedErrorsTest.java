package io.polaroid.jdbc;

/** The errors contract in the embedded mode. */
class EmbeddedErrorsTest extends ErrorsContract {
    @Override
    protected ModeFixture fixture() {
        return EmbeddedFixture.shared();
    }
}
