package io.polaroid.remote;

import io.polaroid.jdbc.MetadataContract;
import io.polaroid.jdbc.ModeFixture;

/** The metadata contract of the driver, through jdbc:polaroid:// against Polaroid's Flight SQL server. */
class RemoteMetadataTest extends MetadataContract {
    @Override
    protected ModeFixture fixture() {
        return RemoteFixture.shared();
    }
}
