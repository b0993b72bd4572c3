package io.polaroid.remote;

import io.polaroid.jdbc.StreamingContract;
import io.polaroid.jdbc.ModeFixture;

/** The streaming contract of the driver, through jdbc:polaroid:// against Polaroid's Flight SQL server. */
class RemoteStreamingTest extends StreamingContract {
    @Override
    protected ModeFixture fixture() {
        return RemoteFixture.shared();
    }
}
