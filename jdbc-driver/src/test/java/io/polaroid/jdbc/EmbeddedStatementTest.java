package io.polaroid.jdbc;

/** The statement contract in the embedded mode. */
class EmbeddedStatementTest extends StatementContract {
    @Override
    protected ModeFixture fixture() {
        return EmbeddedFixture.shared();
    }
}
