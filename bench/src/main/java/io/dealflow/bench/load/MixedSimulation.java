package io.dealflow.bench.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Closed loop of what a working day looks like: mostly moves and field updates, some new deals, task completions
 * and report reads, a few deals won or lost. Every request counts under one metric; the HTML report splits them.
 */
public class MixedSimulation extends Simulation {

    public static final String METRIC = "mixed";

    {
        LoadPlan plan = LoadPlan.current();
        Requests requests = new Requests(plan);
        int last = plan.pipeline().lastStage();
        ChainBuilder replace = requests.open(METRIC, (session, dealId) -> {
            Requests.own(session).replaceCurrent(dealId);
            return session;
        });
        ChainBuilder moveOrWin = exec(session -> session).doIfOrElse(
                        session -> Requests.own(session).currentStage() >= last)
                .then(requests.winCurrent(METRIC).exec(replace))
                .orElse(requests.moveCurrent(METRIC));
        setUp(scenario("mixed x" + plan.users())
                .exec(requests.openOwnDeals(plan.dealsPerUser(), MoveSimulation.REPLACE))
                .exec(Requests.forTheRun(plan.duration()).on(
                        Requests.nextOwnDeal().exec(randomSwitch().on(
                                percent(30).then(moveOrWin),
                                percent(25).then(requests.patchCurrent(METRIC)),
                                percent(12).then(replace),
                                percent(5).then(requests.loseCurrent(METRIC).exec(replace)),
                                percent(13).then(requests.completeCurrentTask(METRIC)),
                                percent(15).then(requests.readReport(METRIC))))))
                .injectOpen(atOnceUsers(plan.users())))
                .protocols(requests.protocol(false))
                .maxDuration(plan.duration().plusMinutes(2));
    }
}
