package io.polaroid.jdbc;

/** The streaming contract in the embedded mode. */
class EmbeddedStreamingTest extends StreamingContract {
    @Override
    protected ModeFixture fixture() {
        return EmbeddedFixture.shared();
    }
}
