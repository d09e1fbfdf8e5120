package io.dealflow.bench.load;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;

/** Runs one simulation inside this JVM (so it reports into the plan's histograms) and writes its HTML report. */
public final class GatlingRun {

    private GatlingRun() {
    }

    /** @return Gatling's exit status: 0 when the simulation ran */
    public static int run(Class<? extends Simulation> simulation, LoadPlan plan, String description, Path resultsDir) {
        LoadPlan.begin(plan);
        try {
            return Gatling$.MODULE$.fromArgs(new String[]{
                    "-s", simulation.getName(),
                    "-rf", resultsDir.toAbsolutePath().toString(),
                    "-rd", description});
        } finally {
            LoadPlan.end();
        }
    }
}
