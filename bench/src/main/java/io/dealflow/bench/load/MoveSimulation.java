package io.dealflow.bench.load;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Closed loop of stage changes: each user first opens its own deals, then moves them one stage forward in turn,
 * so no two requests ever touch one deal; a deal at the last stage is replaced by a new one (measured apart).
 */
public class MoveSimulation extends Simulation {

    public static final String METRIC = "move";
    public static final String REPLACE = "move: opening deals";

    {
        LoadPlan plan = LoadPlan.current();
        Requests requests = new Requests(plan);
        int last = plan.pipeline().lastStage();
        setUp(scenario("move x" + plan.users())
                .exec(requests.openOwnDeals(plan.dealsPerUser(), REPLACE))
                .exec(Requests.forTheRun(plan.duration()).on(
                        Requests.nextOwnDeal().doIfOrElse(session -> Requests.own(session).currentStage() >= last)
                                .then(requests.open(REPLACE, (session, dealId) -> {
                                    Requests.own(session).replaceCurrent(dealId);
                                    return session;
                                }))
                                .orElse(requests.moveCurrent(METRIC))))
                .injectOpen(atOnceUsers(plan.users())))
                .protocols(requests.protocol(false))
                .maxDuration(plan.duration().plusMinutes(2));
    }
}
