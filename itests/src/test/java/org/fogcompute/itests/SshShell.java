package org.fogcompute.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/** An SSH client of the Karaf shell on loopback (Apache MINA SSHD, the library Karaf's server is built on). */
final class SshShell implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final SshClient client = SshClient.setUpDefaultClient();
    private final int port;

    SshShell(int port) {
        this.port = port;
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    /** An authenticated session. @throws IOException when the server refuses the login */
    ClientSession login(String user, String password) throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", port).verify(TIMEOUT).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Runs one command line over an exec channel; standard output and error together. */
    String run(String user, String password, String command) throws IOException {
        try (ClientSession session = login(user, password);
             ChannelExec exec = session.createExecChannel(command)) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            exec.setOut(output);
            exec.setErr(output);
            exec.open().verify(TIMEOUT);
            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            return output.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        }
    }

    /** An SFTP client over a new session of this user. @throws IOException when the server offers no SFTP */
    SftpClient sftp(String user, String password) throws IOException {
        ClientSession session = login(user, password);
        try {
            return SftpClientFactory.instance().createSftpClient(session).singleSessionInstance();
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        client.stop();
        client.close();
    }
}
