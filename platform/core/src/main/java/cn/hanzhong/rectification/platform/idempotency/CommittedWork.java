package cn.hanzhong.rectification.platform.idempotency;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Tells a request's {@code Idempotency-Key} claim that one of its transactions committed: every
 * transaction begun while a claiming request runs gets a synchronization that marks the claim's row in
 * the same transaction (so it holds even if this instance stops before answering) and the claim itself
 * after the commit, so the key is not freed for a retry once the work is done (see {@link Idempotency}).
 */
@ApplicationScoped
public class CommittedWork {

    private final TransactionSynchronizationRegistry registry;
    private final CurrentVertxRequest request;
    private final IdempotencyStore store;

    public CommittedWork(TransactionSynchronizationRegistry registry, CurrentVertxRequest request, IdempotencyStore store) {
        this.registry = registry;
        this.request = request;
        this.store = store;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        Idempotency.Claim claim;
        try {
            claim = Idempotency.claimOf(request.getCurrent());
        } catch (RuntimeException e) {
            return; // no request here (a scheduled job, a consumer)
        }
        if (claim == null) {
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                    store.markCommitted(claim.caller, claim.key);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    claim.committed = true;
                }
            }
        });
    }
}
