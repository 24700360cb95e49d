package org.fogcompute.orchestration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fogcompute.api.services.FogServices;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceState;
import org.junit.jupiter.api.Test;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class GraphBuilderTest {
    private final List<GraphBuilder.Component> components = new ArrayList<>();

    private ComponentDescriptionDTO service(String name, String provides, String... requires) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = "org.example." + name;
        description.bundle = new BundleDTO();
        description.bundle.symbolicName = "org.example." + name;
        description.properties = Map.of(FogServices.NAME_PROPERTY, name, FogServices.CRITICAL_PROPERTY, "true");
        description.serviceInterfaces = provides == null ? new String[0] : new String[] {provides};
        List<ReferenceDTO> references = new ArrayList<>();
        for (String interfaceName : requires) {
            ReferenceDTO reference = new ReferenceDTO();
            reference.name = interfaceName.substring(interfaceName.lastIndexOf('.') + 1).toLowerCase();
            reference.interfaceName = interfaceName;
            reference.cardinality = "1..1";
            references.add(reference);
        }
        description.references = references.toArray(ReferenceDTO[]::new);
        return description;
    }

    private void add(ComponentDescriptionDTO description, int state, String... unsatisfied) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        List<UnsatisfiedReferenceDTO> missing = new ArrayList<>();
        for (String name : unsatisfied) {
            UnsatisfiedReferenceDTO reference = new UnsatisfiedReferenceDTO();
            reference.name = name;
            missing.add(reference);
        }
        configuration.unsatisfiedReferences = missing.toArray(UnsatisfiedReferenceDTO[]::new);
        components.add(new GraphBuilder.Component(description, configuration, true));
    }

    private ServiceInfo find(ServiceGraph graph, String name) {
        return graph.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void layersAndOrdersFollowTheWiring() {
        add(service("persistence", "x.FleetStore", "javax.sql.DataSource"), ComponentConfigurationDTO.ACTIVE);
        add(service("routing", "x.RoutingStrategies"), ComponentConfigurationDTO.ACTIVE);
        add(service("coordinator", "x.NodeRegistry", "x.FleetStore", "x.RoutingStrategies"),
                ComponentConfigurationDTO.ACTIVE);
        add(service("rest", "javax.servlet.Servlet", "x.NodeRegistry"), ComponentConfigurationDTO.ACTIVE);
        ServiceGraph graph = GraphBuilder.build(components, Map.of("coordinator", 2L));
        assertThat(find(graph, "persistence").layer()).isZero();
        assertThat(find(graph, "coordinator").layer()).isEqualTo(1);
        assertThat(find(graph, "rest").layer()).isEqualTo(2);
        assertThat(find(graph, "persistence").dependents()).containsExactly("coordinator");
        assertThat(find(graph, "persistence").dependencies().get(0).providedBy()).as("outside the fog services")
                .isNull();
        assertThat(find(graph, "coordinator").restarts()).isEqualTo(2);
        assertThat(graph.startupOrder()).containsExactly("persistence", "routing", "coordinator", "rest");
        assertThat(graph.shutdownOrder()).containsExactly("rest", "coordinator", "routing", "persistence");
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void aMissingReferenceIsNamed() {
        add(service("coordinator", "x.NodeRegistry", "x.FleetStore"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE,
                "fleetstore");
        ServiceInfo coordinator = find(GraphBuilder.build(components, Map.of()), "coordinator");
        assertThat(coordinator.state()).isEqualTo(ServiceState.UNSATISFIED);
        assertThat(coordinator.problem()).isEqualTo("missing reference fleetstore (x.FleetStore)");
        assertThat(coordinator.dependencies().get(0).satisfied()).isFalse();
    }

    @Test
    void aCycleIsReportedWithItsPathAndNothingHangs() {
        add(service("a", "x.A", "x.B"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE, "b");
        add(service("b", "x.B", "x.C"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE, "c");
        add(service("c", "x.C", "x.A"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE, "a");
        add(service("d", "x.D", "x.A"), ComponentConfigurationDTO.UNSATISFIED_REFERENCE, "a");
        ServiceGraph graph = GraphBuilder.build(components, Map.of());
        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c", "a"));
        assertThat(find(graph, "a").layer()).isEqualTo(-1);
        assertThat(find(graph, "d").layer()).as("depends on a cycle").isEqualTo(-1);
        assertThat(graph.startupOrder()).isEmpty();
    }

    @Test
    void disabledAndFailedStatesAreShown() {
        components.add(new GraphBuilder.Component(service("off", "x.Off"), null, false));
        ComponentConfigurationDTO failed = new ComponentConfigurationDTO();
        failed.state = ComponentConfigurationDTO.FAILED_ACTIVATION;
        failed.failure = "java.lang.IllegalStateException: boom";
        failed.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        components.add(new GraphBuilder.Component(service("broken", "x.Broken"), failed, true));
        ServiceGraph graph = GraphBuilder.build(components, Map.of());
        assertThat(find(graph, "off").state()).isEqualTo(ServiceState.DISABLED);
        assertThat(find(graph, "broken").state()).isEqualTo(ServiceState.FAILED);
        assertThat(find(graph, "broken").problem()).contains("boom");
    }
}
