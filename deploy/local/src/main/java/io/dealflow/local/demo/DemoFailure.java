package io.dealflow.local.demo;

/** A service answered the demo in a way no demo manager expects; the deal's journey stops there. */
final class DemoFailure extends RuntimeException {

    DemoFailure(String what, DemoApi.Reply reply) {
        super("could not " + what + ": HTTP " + reply.status() + " " + reply.problemType() + " "
                + reply.body().path("detail").asString(""));
    }
}
