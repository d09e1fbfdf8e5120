package io.dealflow.bench.load;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Closed loop: each user opens deals back to back for the run's duration. */
public class OpenSimulation extends Simulation {

    public static final String METRIC = "open";

    {
        LoadPlan plan = LoadPlan.current();
        Requests requests = new Requests(plan);
        setUp(scenario("open x" + plan.users())
                .exec(Requests.forTheRun(plan.duration()).on(requests.open(METRIC, (session, dealId) -> session)))
                .injectOpen(atOnceUsers(plan.users())))
                .protocols(requests.protocol(false))
                .maxDuration(plan.duration().plusMinutes(2));
    }
}
