package io.polaroid.remote;

import io.polaroid.jdbc.DifferentialContract;
import io.polaroid.jdbc.ModeFixture;

/** The differential contract of the driver, through jdbc:polaroid:// against Polaroid's Flight SQL server. */
class RemoteDifferentialTest extends DifferentialContract {
    @Override
    protected ModeFixture fixture() {
        return RemoteFixture.shared();
    }
}
