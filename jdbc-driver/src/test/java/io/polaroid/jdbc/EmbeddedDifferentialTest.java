package io.polaroid.jdbc;

/** The differential contract in the embedded mode. */
class EmbeddedDifferentialTest extends DifferentialContract {
    @Override
    protected ModeFixture fixture() {
        return EmbeddedFixture.shared();
    }
}
