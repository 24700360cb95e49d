package org.fogcompute.api.privacy;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Where the hidden-service registry keeps its services across restarts; provided by the persistence service. */
@ProviderType
public interface HiddenServiceStore {

    /** Stores a service with its introduction points, replacing what is stored under its id. */
    void saveHiddenService(HiddenService service);

    void removeHiddenService(String id);

    List<HiddenService> hiddenServices();
}
