package io.polaroid.jdbc.arrow;

import io.polaroid.jdbc.StatementContract;
import io.polaroid.jdbc.ModeFixture;

/** The statement contract in the arrow mode. */
class ArrowStatementTest extends StatementContract {
    @Override
    protected ModeFixture fixture() {
        return ArrowFixture.INSTANCE;
    }
}
