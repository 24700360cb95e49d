package org.fogcompute.api;

/** A point on the earth in degrees. */
public record GeoLocation(double latitude, double longitude) {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoLocation {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new ValidationException("latitude", "latitude must be within -90..90, got " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new ValidationException("longitude", "longitude must be within -180..180, got " + longitude);
        }
    }

    /** Great-circle distance by the haversine formula. */
    public double distanceKm(GeoLocation other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
