package org.fogcompute.coordinator.internal;

import java.io.File;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** The concurrent writers on embedded Derby, the distribution's default database. */
class ConcurrentWritersDerbyTest extends ConcurrentWritersContract {
    @Override
    protected DataSource emptyDatabase() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(new File("target/derby/" + UUID.randomUUID()).getAbsolutePath());
        derby.setCreateDatabase("create");
        return derby;
    }
}
