package org.fogcompute.coordinator.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fogcompute.api.store.StoreUnavailableException;

/**
 * An in-memory store that can hold one commit until the test lets it go, so that other writers pile up behind it
 * into one group; the held commit can be made to fail as a lost connection would.
 */
class GatedStore extends InMemoryStore {
    final CountDownLatch heldCommitEntered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean failHeld;
    private boolean holdNext;

    synchronized void holdNextCommit() {
        holdNext = true;
    }

    @Override
    public void commit(String ownerId, Changes changes) {
        boolean hold;
        synchronized (this) {
            hold = holdNext;
            holdNext = false;
        }
        if (hold) {
            heldCommitEntered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failHeld) {
                throw new StoreUnavailableException("database unavailable: lost connection", null);
            }
        }
        super.commit(ownerId, changes);
    }
}
