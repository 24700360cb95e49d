package org.fogcompute.api.p2p;

import java.util.regex.Pattern;
import org.fogcompute.api.Checks;
import org.fogcompute.api.ValidationException;

/**
 * One way to reach a peer: a transport named in lower case ({@code tcp}, {@code udp}, {@code quic}, {@code wss},
 * {@code ble}...), a host name or address, and a port (0 for transports without one).
 */
public record PeerEndpoint(String transport, String host, int port) {
    private static final Pattern TRANSPORT = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]%-]{1,253}");

    public PeerEndpoint {
        if (transport == null || !TRANSPORT.matcher(transport).matches()) {
            throw new ValidationException("transport", "transport must be 1..16 lower-case letters, digits or '-' "
                    + "(tcp, udp, quic, wss, ble...), got " + (transport == null ? "nothing" : "'" + transport + "'"));
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw new ValidationException("host", "host must be a host name or an address (1..253 characters of "
                    + "letters, digits, '.', ':', '-', '[', ']', '%')");
        }
        Checks.range("port", port, 0, 65535);
    }

    /** The form in which the endpoint is signed: {@code transport host port}. */
    String signedForm() {
        return transport + " " + host + " " + port;
    }
}
