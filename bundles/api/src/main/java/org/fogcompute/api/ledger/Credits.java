package org.fogcompute.api.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions between credits as people write them and the micro-credits the ledger keeps. */
public final class Credits {
    /** Micro-credits in one credit. */
    public static final long MICROS = 1_000_000L;
    /** The largest amount one entry may move: a billion credits. */
    public static final long MAX_AMOUNT = 1_000_000_000L * MICROS;

    private Credits() {
    }

    /** Micro-credits of an amount in credits, rounded half up to the micro-credit. */
    public static long micros(double credits) {
        return BigDecimal.valueOf(credits).movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** An amount in credits, exact to the micro-credit, for display. */
    public static String format(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
}
