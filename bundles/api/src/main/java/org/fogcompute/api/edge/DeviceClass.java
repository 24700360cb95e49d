package org.fogcompute.api.edge;

/** What kind of device a node is, from its capacity and power source. */
public enum DeviceClass {
    PHONE, TABLET, LAPTOP, SINGLE_BOARD, SERVER
}
