package org.fogcompute.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.fogcompute.api.ConflictException;
import org.fogcompute.api.Node;
import org.fogcompute.api.Task;
import org.fogcompute.api.TaskAssignment;
import org.fogcompute.api.TaskStatus;
import org.fogcompute.api.store.CommitOutcomeUnknownException;
import org.fogcompute.api.store.FleetStore;
import org.fogcompute.api.store.StoreRefusedException;
import org.fogcompute.api.store.StoreUnavailableException;

/**
 * {@link FleetStore} on JPA. Transactions come from outside (Aries JPA's template in OSGi, a plain
 * EntityManagerFactory in tests), so the same code runs in both. The schema is migrated before first use and again
 * after a failed attempt, so a database that was down at start is picked up when it returns.
 */
public class JpaFleetStore implements FleetStore {
    private static final List<String> UNFINISHED = List.of(TaskStatus.PENDING.name(), TaskStatus.ASSIGNED.name(),
            TaskStatus.RUNNING.name());
    private static final List<String> FINISHED = List.of(TaskStatus.COMPLETED.name(), TaskStatus.FAILED.name(),
            TaskStatus.CANCELLED.name());

    /** Runs work in one transaction (commit on return, roll back on exception). */
    public interface Transactions {
        <R> R inTransaction(Function<EntityManager, R> work);

        /** Resource-local transactions on a plain factory, for use outside OSGi (tests, benchmarks, tools). */
        static Transactions resourceLocal(EntityManagerFactory factory) {
            return new Transactions() {
                @Override
                public <R> R inTransaction(Function<EntityManager, R> work) {
                    EntityManager em = factory.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        R result = work.apply(em);
                        em.getTransaction().commit();
                        return result;
                    } finally {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        em.close();
                    }
                }
            };
        }
    }

    private static final int PING_TIMEOUT_SECONDS = 3;
    private final Transactions transactions;
    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private volatile int schemaVersion;

    public JpaFleetStore(Transactions transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.migrator = new SchemaMigrator(dataSource);
    }

    /** Migrates the schema now; later calls are free once it succeeded. */
    public int ensureSchema() {
        if (schemaVersion == 0) {
            try {
                schemaVersion = migrator.migrate();
            } catch (SQLException e) {
                throw new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
            }
        }
        return schemaVersion;
    }

    @Override
    public Snapshot load(String ownerId, int finishedTasks) {
        ensureSchema();
        return run(em -> {
            List<StoredNode> nodes = new ArrayList<>();
            for (NodeRecord r : em.createQuery("SELECT n FROM NodeRecord n WHERE n.ownerId = :owner "
                    + "ORDER BY n.registrationSequence, n.registeredAt, n.id", NodeRecord.class).setParameter("owner", ownerId)
                    .getResultList()) {
                nodes.add(r.toStored());
            }
            List<Task> tasks = new ArrayList<>();
            List<TaskAssignment> assignments = new ArrayList<>();
            for (TaskRecord r : em.createQuery("SELECT t FROM TaskRecord t WHERE t.ownerId = :owner "
                    + "AND t.status IN :unfinished ORDER BY t.submittedAt, t.id", TaskRecord.class)
                    .setParameter("owner", ownerId).setParameter("unfinished", UNFINISHED).getResultList()) {
                tasks.add(r.toTask());
                assignments.addAll(Assignments.parse(r.id, r.assignments));
            }
            List<Task> finished = new ArrayList<>();
            if (finishedTasks > 0) {
                for (TaskRecord r : em.createQuery("SELECT t FROM TaskRecord t WHERE t.ownerId = :owner "
                        + "AND t.status IN :finished ORDER BY t.finishedAt DESC, t.id", TaskRecord.class)
                        .setParameter("owner", ownerId).setParameter("finished", FINISHED)
                        .setMaxResults(finishedTasks).getResultList()) {
                    finished.add(r.toTask());
                    assignments.addAll(Assignments.parse(r.id, r.assignments));
                }
            }
            return new Snapshot(nodes, tasks, finished, assignments);
        });
    }

    @Override
    public int pruneFinishedTasks(String ownerId, int keep, java.time.Instant finishedBefore) {
        ensureSchema();
        return run(em -> {
            long cutoff = finishedBefore.toEpochMilli();
            // the finish time of the newest task beyond those kept, if there are more than that
            List<Long> beyond = em.createQuery("SELECT t.finishedAt FROM TaskRecord t WHERE t.ownerId = :owner "
                    + "AND t.status IN :finished ORDER BY t.finishedAt DESC", Long.class)
                    .setParameter("owner", ownerId).setParameter("finished", FINISHED)
                    .setFirstResult(keep).setMaxResults(1).getResultList();
            if (!beyond.isEmpty() && beyond.get(0) != null) {
                cutoff = Math.max(cutoff, beyond.get(0) + 1);
            }
            return em.createQuery("DELETE FROM TaskRecord t WHERE t.ownerId = :owner AND t.status IN :finished "
                    + "AND t.finishedAt < :cutoff").setParameter("owner", ownerId).setParameter("finished", FINISHED)
                    .setParameter("cutoff", cutoff).executeUpdate();
        });
    }

    @Override
    public void commit(String ownerId, Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        ensureSchema();
        boolean[] flushed = {false};
        try {
            write(changes, ownerId, flushed);
        } catch (StoreUnavailableException e) {
            if (flushed[0]) {
                // every statement went through; the database stopped answering during the commit itself
                throw new CommitOutcomeUnknownException("the database did not confirm the commit in time ("
                        + rootMessage(e) + "); the change may have been applied", e);
            }
            throw e;
        }
    }

    private void write(Changes changes, String ownerId, boolean[] flushed) {
        run(em -> {
            // removals first, so that a node removed and registered again in one batch is deleted then inserted
            for (String nodeId : changes.removedNodeIds()) {
                NodeRecord existing = em.find(NodeRecord.class, nodeId);
                if (existing != null) {
                    em.remove(existing);
                }
            }
            if (!changes.removedNodeIds().isEmpty()) {
                em.flush();
            }
            for (StoredNode stored : changes.newNodes()) {
                em.persist(NodeRecord.of(ownerId, stored));
            }
            // placements go into their task's row, which the same transaction writes anyway
            Map<String, List<TaskAssignment>> placements = new LinkedHashMap<>();
            for (TaskAssignment assignment : changes.newAssignments()) {
                placements.computeIfAbsent(assignment.taskId(), id -> new ArrayList<>()).add(assignment);
            }
            for (Task task : changes.newTasks()) {
                TaskRecord record = TaskRecord.of(ownerId, task);
                record.assignments = Assignments.append(null, placements.getOrDefault(task.id(), List.of()));
                placements.remove(task.id());
                em.persist(record);
            }
            for (StoredNode stored : changes.savedNodes()) {
                NodeRecord existing = em.find(NodeRecord.class, stored.node().id());
                if (existing == null) {
                    em.persist(NodeRecord.of(ownerId, stored));
                } else {
                    existing.declaredStatus = stored.declaredStatus().name();
                    existing.update(stored.node());
                }
            }
            for (Task task : changes.savedTasks()) {
                TaskRecord existing = em.find(TaskRecord.class, task.id());
                List<TaskAssignment> placed = placements.remove(task.id());
                if (existing == null) {
                    existing = TaskRecord.of(ownerId, task);
                    existing.assignments = Assignments.append(null, placed == null ? List.of() : placed);
                    em.persist(existing);
                } else {
                    existing.update(task);
                    if (placed != null) {
                        existing.assignments = Assignments.append(existing.assignments, placed);
                    }
                }
            }
            for (Map.Entry<String, List<TaskAssignment>> left : placements.entrySet()) {
                TaskRecord existing = em.find(TaskRecord.class, left.getKey());
                if (existing != null) {
                    existing.assignments = Assignments.append(existing.assignments, left.getValue());
                }
            }
            // statements run now, so that a failure after this point can only be the commit's
            em.flush();
            flushed[0] = true;
            return null;
        });
    }

    @Override
    public Optional<Task> findTask(String taskId) {
        ensureSchema();
        return run(em -> Optional.ofNullable(em.find(TaskRecord.class, taskId)).map(TaskRecord::toTask));
    }

    @Override
    public Optional<Node> findNode(String nodeId) {
        ensureSchema();
        return run(em -> Optional.ofNullable(em.find(NodeRecord.class, nodeId)).map(r -> r.toStored().node()));
    }

    @Override
    public List<TaskAssignment> assignments(String taskId) {
        ensureSchema();
        return run(em -> {
            TaskRecord record = em.find(TaskRecord.class, taskId);
            return record == null ? List.<TaskAssignment>of() : Assignments.parse(taskId, record.assignments);
        });
    }

    @Override
    public void saveHeartbeats(String ownerId, List<Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        ensureSchema();
        run(em -> {
            for (Node node : nodes) {
                NodeRecord existing = em.find(NodeRecord.class, node.id());
                if (existing != null) {
                    existing.update(node);
                }
            }
            return null;
        });
    }

    @Override
    public void ping() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
                throw new StoreUnavailableException("database unavailable: no answer within " + PING_TIMEOUT_SECONDS
                        + " s", null);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public StoreInfo info() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String product = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
            String url = withoutSecrets(metaData.getURL());
            int version = migrator.currentVersion();
            if (version == 0) {
                return new StoreInfo(product, url, 0, 0, 0, 0);
            }
            return run(em -> new StoreInfo(product, url, version,
                    em.createQuery("SELECT COUNT(n) FROM NodeRecord n", Long.class).getSingleResult(),
                    em.createQuery("SELECT COUNT(t) FROM TaskRecord t", Long.class).getSingleResult(),
                    em.createQuery("SELECT COUNT(t) FROM TaskRecord t WHERE t.status IN :unfinished", Long.class)
                            .setParameter("unfinished", UNFINISHED).getSingleResult()));
        } catch (SQLException e) {
            throw new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
        }
    }

    /** Drops user info and password parameters from a JDBC URL. */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "-";
        }
        return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)([?&;:]password=)[^&;]*", "$1***");
    }

    private <R> R run(Function<EntityManager, R> work) {
        try {
            return transactions.inTransaction(work);
        } catch (StoreUnavailableException | StoreRefusedException | ConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    /**
     * Tells a database that refused a change (a value it cannot hold, a duplicate key: the change is at fault, others
     * may pass) from one that could not be reached or did not answer in time (nothing passes now). SQL states of
     * class 22 (data exception) and 23 (integrity constraint violation) are refusals, 23505 a duplicate key; a value
     * our record conversion cannot represent is a refusal too. Everything else counts as unavailable.
     */
    static RuntimeException classify(RuntimeException e) {
        String state = sqlState(e);
        String message = rootMessage(e);
        if (state != null && (state.equals("23505") || state.equals("23000") && message.contains("duplicate"))) {
            return (RuntimeException) new ConflictException("already stored: " + message).initCause(e);
        }
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return new StoreRefusedException("the database refused the change: " + message, e);
        }
        if (state == null && hasCause(e, ArithmeticException.class, IllegalArgumentException.class)) {
            return new StoreRefusedException("a value cannot be stored: " + message, e);
        }
        return new StoreUnavailableException("database unavailable: " + message, e);
    }

    /** The SQL state of the first SQLException in the chain (following a batch's next exceptions too). */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && !next.getSQLState().isEmpty()) {
                        return next.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    @SafeVarargs
    private static boolean hasCause(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
