package org.fogcompute.shell.internal;

import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fogcompute.api.bitchat.MessageRelay;

@Service
@Command(scope = "fog", name = "relay-mailboxes", description = "The message relay's mailboxes: how many messages "
        + "wait for each peer (admins: who receives how much is private; what, nobody here can read)")
public class RelayMailboxesCommand extends FogAction {
    @Reference(optional = true)
    MessageRelay relay;

    @Option(name = "--no-format", description = "Plain tab-separated output for scripts")
    boolean noFormat;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable().emptyTableText("No message waiting");
        table.column("PEER");
        table.column("WAITING").alignRight();
        for (Map.Entry<String, Integer> mailbox : relay.mailboxDepths().entrySet()) {
            table.addRow().addContent(mailbox.getKey(), mailbox.getValue());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
