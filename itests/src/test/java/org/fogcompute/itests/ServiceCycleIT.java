package org.fogcompute.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.inject.Inject;
import org.fogcompute.api.services.ServiceGraph;
import org.fogcompute.api.services.ServiceInfo;
import org.fogcompute.api.services.ServiceOrchestrator;
import org.fogcompute.api.services.ServiceState;
import org.fogcompute.itests.cycle.CycleA;
import org.fogcompute.itests.cycle.CycleB;
import org.fogcompute.itests.cycle.CyclePartA;
import org.fogcompute.itests.cycle.CyclePartB;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.tinybundles.TinyBundles;

/** A bundle with two real DS components that require each other: the graph reports the cycle and hangs nothing. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServiceCycleIT extends FogTestSupport {
    @Inject
    @org.ops4j.pax.exam.util.Filter(timeout = BOOT_WAIT_MILLIS)
    protected ServiceOrchestrator orchestrator;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), streamBundle(TinyBundles.bundle()
                .symbolicName("org.fogcompute.itest.cycle")
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Service-Component", "OSGI-INF/cycle-a.xml,OSGI-INF/cycle-b.xml")
                .addClass(CyclePartA.class).addClass(CyclePartB.class).addClass(CycleA.class).addClass(CycleB.class)
                .addResource("OSGI-INF/cycle-a.xml", component("cycle-a", CycleA.class, CyclePartA.class,
                        CyclePartB.class))
                .addResource("OSGI-INF/cycle-b.xml", component("cycle-b", CycleB.class, CyclePartB.class,
                        CyclePartA.class))
                .build(TinyBundles.rawBuilder())));
    }

    private static ByteArrayInputStream component(String name, Class<?> implementation, Class<?> provides,
                                                  Class<?> requires) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name + "\">\n"
                + "  <implementation class=\"" + implementation.getName() + "\"/>\n"
                + "  <service><provide interface=\"" + provides.getName() + "\"/></service>\n"
                + "  <property name=\"fog.service.name\" value=\"" + name + "\"/>\n"
                + "  <reference name=\"other\" interface=\"" + requires.getName() + "\" cardinality=\"1..1\"/>\n"
                + "</scr:component>\n";
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void aCyclicPairIsReportedWithItsPath() throws Exception {
        ServiceGraph graph = orchestrator.graph();
        assertEquals(List.of(List.of("cycle-a", "cycle-b", "cycle-a")), graph.cycles());
        for (String name : List.of("cycle-a", "cycle-b")) {
            ServiceInfo service = graph.services().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow();
            assertEquals(-1, service.layer());
            assertEquals(ServiceState.UNSATISFIED, service.state());
            assertTrue(service.problem(), service.problem().contains("missing reference other"));
        }
        assertTrue("the rest still starts in order: " + graph.startupOrder(),
                graph.startupOrder().indexOf("persistence") < graph.startupOrder().indexOf("coordinator"));
        String tree = execute("fog:service-deps");
        assertTrue(tree, tree.contains("Cycle: cycle-a -> cycle-b -> cycle-a"));
    }
}
