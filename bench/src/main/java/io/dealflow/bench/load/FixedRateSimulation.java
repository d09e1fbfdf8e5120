package io.dealflow.bench.load;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Open loop: commands arrive at a fixed rate whatever the answers take, so a slow system shows as latency, not as
 * a politely lower rate. Each arrival takes an idle deal from a shared pool and moves it one stage forward, or opens
 * a new one when none is idle (a deal is in at most one request at a time: no conflicts). Latencies are also kept
 * per second, and with a lag probe every n-th answered command is followed to task-service and analytics.
 */
public class FixedRateSimulation extends Simulation {

    public static final String METRIC = "fixed-rate";

    private final Queue<OwnDeals> idle = new ConcurrentLinkedQueue<>();
    private final AtomicLong answered = new AtomicLong();

    {
        LoadPlan plan = LoadPlan.current();
        Requests requests = new Requests(plan);
        setUp(scenario("fixed rate " + plan.rate() + "/s")
                .exec(session -> {
                    OwnDeals deal = idle.poll();
                    if (deal == null) {
                        deal = new OwnDeals();
                    } else {
                        deal.next();
                    }
                    return session.set(Requests.DEALS, deal);
                })
                .doIfOrElse(session -> Requests.own(session).isEmpty()).then(
                        requests.open(METRIC, (session, dealId) -> {
                            OwnDeals deal = Requests.own(session);
                            deal.add(dealId);
                            deal.next();
                            return answered(plan, session, dealId);
                        }))
                .orElse(requests.moveCurrent(METRIC).exec(session -> {
                    OwnDeals deal = Requests.own(session);
                    return answered(plan, session, deal.currentId());
                }))
                .injectOpen(constantUsersPerSec(plan.rate()).during(plan.duration())))
                .protocols(requests.protocol(true))
                .maxDuration(plan.duration().plusMinutes(2));
    }

    /** Back to the pool unless at its last stage; per-second latency; every n-th answer to the lag probe. */
    private Session answered(LoadPlan plan, Session session, String dealId) {
        OwnDeals deal = Requests.own(session);
        long sequence = Requests.sequence(session);
        if (sequence < 0) {
            return session;
        }
        if (deal.currentStage() < plan.pipeline().lastStage()) {
            idle.add(deal);
        }
        plan.lagProbe().ifPresent(probe -> {
            if (answered.incrementAndGet() % plan.sampleEvery() == 0) {
                probe.watch(dealId, sequence, System.nanoTime());
            }
        });
        return session;
    }
}
