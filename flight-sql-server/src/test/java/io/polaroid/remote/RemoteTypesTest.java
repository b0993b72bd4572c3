package io.polaroid.remote;

import io.polaroid.jdbc.TypesContract;
import io.polaroid.jdbc.ModeFixture;

/** The types contract of the driver, through jdbc:polaroid:// against Polaroid's Flight SQL server. */
class RemoteTypesTest extends TypesContract {
    @Override
    protected ModeFixture fixture() {
        return RemoteFixture.shared();
    }
}
