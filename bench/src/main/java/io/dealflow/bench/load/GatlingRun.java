package io.dealflow.bench.load;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one simulation inside this JVM (so it reports into the plan's histograms) and writes its HTML report. */
public final class GatlingRun {

    private GatlingRun() {
    }

    /** @return Gatling's exit status: 0 when the simulation ran */
    public static int run(Class<? extends Simulation> simulation, LoadPlan plan, String description, Path resultsDir,
                          boolean htmlReport) {
        List<String> args = new ArrayList<>(List.of("-s", simulation.getName(),
                "-rf", resultsDir.toAbsolutePath().toString(), "-rd", description));
        if (!htmlReport) {
            args.add("-nr");
        }
        LoadPlan.begin(plan);
        try {
            return Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
        } finally {
            LoadPlan.end();
        }
    }
}
