package dev.ainfo.platform.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the configuration is one of several instances sharing a database and Redis, and what such
 * a configuration must not fall back to: each per-instance default (the embedded Redis, the
 * development issuer, an H2 file) would split the instances silently.
 *
 * @param dbUrl           the JDBC URL, null for the embedded H2 default
 * @param instances       {@code ainfo.instances}: more than one declares a multi-instance deployment
 * @param sharedRedis     a Redis URL, sentinels or cluster nodes are configured
 * @param devIssuer       the development token issuer is active (no real key configured)
 */
public record InstanceSettings(String dbUrl, int instances, boolean sharedRedis, boolean devIssuer) {

    /** A database other than an embedded H2 file or memory database is shared, so instances may be many. */
    public boolean sharedDatabase() {
        if (dbUrl == null || dbUrl.isBlank()) {
            return false;
        }
        String url = dbUrl.strip().toLowerCase(java.util.Locale.ROOT);
        return !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
    }

    public boolean multiInstance() {
        return instances > 1 || sharedDatabase();
    }

    /** Why this configuration must not start; empty when it may. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!multiInstance()) {
            return problems;
        }
        String why = instances > 1 ? "ainfo.instances is " + instances : "the database is shared (" + dbUrl + ")";
        if (instances > 1 && !sharedDatabase()) {
            problems.add(why + " but the database is an embedded H2 file of this instance's own: set ainfo.db.url to "
                    + "the shared PostgreSQL");
        }
        if (!sharedRedis) {
            problems.add(why + " but no Redis is configured, so this instance would start its own: set "
                    + "ainfo.redis.url (or ainfo.redis.sentinel-addresses, ainfo.redis.cluster-addresses) to the shared Redis");
        }
        if (devIssuer) {
            problems.add(why + " but tokens would be checked against this instance's development issuer: set "
                    + "mp.jwt.verify.publickey.location (or mp.jwt.verify.publickey) and mp.jwt.verify.issuer");
        }
        return problems;
    }
}
