package org.fogcompute.api.services;

/**
 * One reference of a fog service: the service interface it needs, the fog service that provides it (null when the
 * provider is outside the fog services, e.g. ConfigurationAdmin), whether it is required and satisfied now.
 */
public record Dependency(String reference, String interfaceName, String providedBy, boolean required,
                         boolean satisfied) {
}
