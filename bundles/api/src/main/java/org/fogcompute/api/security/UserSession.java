package org.fogcompute.api.security;

/** What a login or a refresh hands out: an access token for requests and a refresh token for the next one. */
public record UserSession(AccessToken access, AccessToken refresh) {
}
