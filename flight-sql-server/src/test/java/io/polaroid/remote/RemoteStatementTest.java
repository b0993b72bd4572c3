package io.polaroid.remote;

import io.polaroid.jdbc.StatementContract;
import io.polaroid.jdbc.ModeFixture;

/** The statement contract of the driver, through jdbc:polaroid:// against Polaroid's Flight SQL server. */
class RemoteStatementTest extends StatementContract {
    @Override
    protected ModeFixture fixture() {
        return RemoteFixture.shared();
    }
}
