package org.fogcompute.api.deployments;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Where deployments are kept (the fleet's database): each save replaces the deployment and its slots at once. */
@ProviderType
public interface DeploymentStore {

    void save(StoredDeployment deployment);

    void remove(String name);

    List<StoredDeployment> deployments();
}
