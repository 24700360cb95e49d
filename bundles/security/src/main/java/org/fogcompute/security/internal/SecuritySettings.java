package org.fogcompute.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fog security", description = "Bearer tokens, node credentials and join tokens")
public @interface SecuritySettings {
    String PID = "org.fogcompute.security";

    @AttributeDefinition(description = "JAAS realm that checks user names and passwords")
    String realm() default "karaf";

    @AttributeDefinition(description = "Passwords in the realm's users file are stored hashed: plain ones typed into "
            + "it are hashed by the runtime, and logins check hashes (the algorithm and markers are "
            + "etc/org.apache.karaf.jaas.cfg's encryption.*, whose encryption.enabled stays false: Karaf's own hashing "
            + "thread lost concurrent changes)")
    boolean passwords_hashed() default true;

    @AttributeDefinition(description = "iss claim of issued tokens; tokens with another issuer are refused")
    String issuer() default "fog-compute";

    @AttributeDefinition(description = "aud claim of issued tokens; tokens for another audience are refused")
    String audience() default "fog-api";

    @AttributeDefinition(description = "Lifetime of a user's access token, seconds; POST /api/auth/refresh gets the "
            + "next one")
    long access_token_ttl_seconds() default 900;

    @AttributeDefinition(description = "Lifetime of a login session (its refresh token), seconds")
    long refresh_token_ttl_seconds() default 12L * 3600;

    @AttributeDefinition(description = "Lifetime of a node credential, seconds; a node enrolls again after it")
    long node_credential_ttl_seconds() default 30L * 24 * 3600;

    @AttributeDefinition(description = "Lifetime of a join token, seconds")
    long join_token_ttl_seconds() default 900;

    @AttributeDefinition(description = "Enrollments a join token may fail (invalid registration, id taken) before it is"
            + " voided: without a limit its holder could probe which node ids exist")
    int join_token_max_failed_attempts() default 5;

    @AttributeDefinition(description = "Join tokens that may be outstanding at once")
    int join_token_max_outstanding() default 10_000;

    @AttributeDefinition(description = "Failed logins of one user from one address before each further one locks "
            + "them out for twice as long (1 s up to 15 min), on every surface: REST, SSH, web console, JMX")
    int login_free_failures_per_user_and_address() default 5;

    @AttributeDefinition(description = "Failed logins from one address, whichever users, before it is locked out")
    int login_free_failures_per_address() default 20;

    @AttributeDefinition(description = "Failed logins of one user, from whichever addresses, before it is locked out")
    int login_free_failures_per_user() default 50;

    @AttributeDefinition(description = "File holding the token signing key; created with owner-only access when missing. "
            + "Empty: data/fog/token-signing.key")
    String signing_key_file() default "";
}
