package org.fogcompute.persistence.internal;

import static org.fogcompute.persistence.internal.JdbcWork.prepare;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.fogcompute.api.betanet.Consensus;
import org.fogcompute.api.betanet.ConsensusStore;
import org.fogcompute.api.betanet.Mixnode;

/**
 * Consensus documents in the fleet's database (migration V12), in plain JDBC: a new epoch is inserted with its
 * mixnodes and epochs older than the one before it are deleted, in one transaction.
 */
final class JdbcConsensusStore implements ConsensusStore {
    private final JdbcWork jdbc;

    JdbcConsensusStore(DataSource dataSource, Runnable ensureSchema) {
        this.jdbc = new JdbcWork(dataSource, ensureSchema);
    }

    @Override
    public void saveConsensus(Consensus consensus) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement mixnodes = prepare(connection, "DELETE FROM fog_betanet_mixnode WHERE epoch < ? "
                    + "OR epoch = ?");
                 PreparedStatement documents = prepare(connection, "DELETE FROM fog_betanet_consensus WHERE epoch < ? "
                         + "OR epoch = ?")) {
                for (PreparedStatement delete : List.of(mixnodes, documents)) {
                    delete.setLong(1, consensus.epoch() - 1);
                    delete.setLong(2, consensus.epoch());
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_betanet_consensus (epoch, "
                    + "valid_after, valid_until, signing_key, signature) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, consensus.epoch());
                insert.setLong(2, consensus.validAfter().toEpochMilli());
                insert.setLong(3, consensus.validUntil().toEpochMilli());
                insert.setString(4, consensus.signingKey());
                insert.setString(5, consensus.signature());
                insert.executeUpdate();
            }
            if (!consensus.mixnodes().isEmpty()) {
                try (PreparedStatement insert = prepare(connection, "INSERT INTO fog_betanet_mixnode (epoch, position, "
                        + "node_id, address, public_key, version, region, stake, reputation, performance, weight) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < consensus.mixnodes().size(); i++) {
                        Mixnode m = consensus.mixnodes().get(i);
                        insert.setLong(1, consensus.epoch());
                        insert.setInt(2, i);
                        insert.setString(3, m.nodeId());
                        insert.setString(4, m.address());
                        insert.setString(5, m.publicKey());
                        insert.setString(6, m.version());
                        insert.setString(7, m.region());
                        insert.setLong(8, m.stake());
                        insert.setDouble(9, m.reputation());
                        insert.setDouble(10, m.performance());
                        insert.setDouble(11, m.weight());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Consensus> latestConsensus() {
        return jdbc.inTransaction(connection -> {
            long epoch;
            Instant validAfter;
            Instant validUntil;
            String signingKey;
            String signature;
            try (PreparedStatement query = prepare(connection, "SELECT epoch, valid_after, valid_until, signing_key, "
                    + "signature FROM fog_betanet_consensus ORDER BY epoch DESC")) {
                query.setMaxRows(1);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    epoch = rows.getLong(1);
                    validAfter = Instant.ofEpochMilli(rows.getLong(2));
                    validUntil = Instant.ofEpochMilli(rows.getLong(3));
                    signingKey = rows.getString(4);
                    signature = rows.getString(5);
                }
            }
            List<Mixnode> mixnodes = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT node_id, address, public_key, version, region, "
                    + "stake, reputation, performance, weight FROM fog_betanet_mixnode WHERE epoch = ? "
                    + "ORDER BY position")) {
                query.setLong(1, epoch);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        mixnodes.add(new Mixnode(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getLong(6), rows.getDouble(7),
                                rows.getDouble(8), rows.getDouble(9)));
                    }
                }
            }
            return Optional.of(new Consensus(epoch, validAfter, validUntil, mixnodes, signingKey, signature));
        });
    }
}
