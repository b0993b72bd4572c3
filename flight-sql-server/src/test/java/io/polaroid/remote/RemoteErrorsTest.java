package io.polaroid.remote;

import io.polaroid.jdbc.ErrorsContract;
import io.polaroid.jdbc.ModeFixture;

/** The errors contract of the driver, through jdbc:polaroid:// against Polaroid's Flight SQL server. */
class RemoteErrorsTest extends ErrorsContract {
    @Override
    protected ModeFixture fixture() {
        return RemoteFixture.shared();
    }
}
