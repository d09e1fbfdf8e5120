package io.dealflow.platform.web;

import io.dealflow.platform.security.Actor;
import io.dealflow.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Answers whom the request's events would name, as a handler is given it. */
@RestController
@RequestMapping("/api/test/actor")
public class ActorController {

    @GetMapping
    Map<String, Object> actor(Actor actor, Caller caller) {
        return Map.of("person", actor.person(), "clientId", String.valueOf(actor.clientId()),
                "roles", caller.roles().toString());
    }
}
