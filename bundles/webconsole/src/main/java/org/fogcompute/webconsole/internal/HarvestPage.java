package org.fogcompute.webconsole.internal;

import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import org.fogcompute.api.edge.HarvestPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Idle-compute harvest: every device that opted in, whether it may be used now and why not, since when its session
 * runs and until when it cools down. Shown while the harvest service runs.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + HarvestPage.LABEL,
        "felix.webconsole.title=Harvest",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class HarvestPage extends ConsolePage {
    static final String LABEL = "fog-harvest";
    private static final long serialVersionUID = 1L;

    private final transient HarvestPolicy harvest;

    @Activate
    public HarvestPage(@Reference HarvestPolicy harvest, @Reference CsrfGuard csrf, @Reference Flash flash) {
        super(LABEL, csrf, flash);
        this.harvest = harvest;
    }

    @Override
    void render(HttpServletRequest request, Html html, Context context) {
        List<HarvestPolicy.Device> devices = harvest.devices();
        long eligible = devices.stream().filter(HarvestPolicy.Device::eligible).count();
        html.raw("<p><strong id=\"fog-harvest-eligible\">").text(eligible).raw("</strong> of ").text(devices.size())
                .raw(" device(s) that opted in (node label <code>harvest=true</code>) may be used now; rules in "
                        + "<code>etc/org.fogcompute.harvest.cfg</code>.</p>");
        html.raw("<table class=\"nicetable fog-table\" id=\"fog-harvest-table\">");
        html.headerRow("Node", "Eligible", "Session since", "Cooling until", "Reason");
        html.raw("<tbody>");
        for (HarvestPolicy.Device device : devices) {
            html.raw("<tr data-node=\"").text(device.nodeId()).raw("\" class=\"")
                    .text(device.eligible() ? "fog-harvest-eligible" : "fog-harvest-drained").raw("\">")
                    .cell(device.nodeId()).cell(device.eligible() ? "yes" : "no")
                    .cell(device.sessionStart() == null ? "-" : device.sessionStart())
                    .cell(device.coolingUntil() == null ? "-" : device.coolingUntil())
                    .cell(device.reason() == null ? "" : device.reason()).raw("</tr>");
        }
        html.raw("</tbody></table>");
    }
}
