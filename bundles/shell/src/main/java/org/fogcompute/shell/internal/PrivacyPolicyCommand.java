package org.fogcompute.shell.internal;

import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.PrivacyLevel;
import org.fogcompute.api.TaskSpec;
import org.fogcompute.api.privacy.PrivacyPolicy;

@Service
@Command(scope = "fog", name = "privacy-policy", description = "What each privacy level asks of a task's path "
        + "(circuit hops, reputation floor, mixnet route) and how many placed tasks hold one")
public class PrivacyPolicyCommand extends FogAction {
    @Reference(optional = true)
    PrivacyPolicy policy;

    @Override
    protected Object run() {
        Map<PrivacyLevel, Integer> held = policy.pathsByLevel();
        ShellTable table = new ShellTable();
        table.column("LEVEL");
        table.column("REQUIREMENT");
        table.column("TASKS WITH A PATH").alignRight();
        for (PrivacyLevel level : PrivacyLevel.values()) {
            table.addRow().addContent(level, policy.requirement(TaskSpec.builder().id("policy").privacy(level).build())
                    .describe(), held.getOrDefault(level, 0));
        }
        table.print(System.out);
        return null;
    }
}
