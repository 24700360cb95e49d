package org.fogcompute.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.resources.Profile;
import org.fogcompute.api.resources.Profiler;

@Service
@Command(scope = "fog", name = "profile-list", description = "Flight Recorder recordings kept, newest first")
public class ProfileListCommand extends FogAction {
    @Reference(optional = true)
    Profiler profiler;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable().emptyTableText("No recording (fog:profile makes one)");
        table.column("PROFILE");
        table.column("STATE");
        table.column("STARTED");
        table.column("SECONDS").alignRight();
        table.column("SETTINGS");
        table.column("BY");
        table.column("KB").alignRight();
        for (Profile p : profiler.profiles()) {
            table.addRow().addContent(p.id(), p.state(), p.startedAt(), p.durationSeconds(), p.settings(),
                    p.requestedBy(), p.sizeBytes() / 1024);
        }
        table.print(System.out);
        return null;
    }
}
