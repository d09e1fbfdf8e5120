package io.dealflow.local;

import java.util.List;

/**
 * What {@code GET /status} of the control endpoint answers: whether the broker runs and how often it was restarted,
 * and per service its process, ports, health and restart count. The soak reads it to find the processes to kill and
 * to see them come back.
 */
record LauncherStatus(String state, Broker kafka, List<Service> services) {

    record Broker(String bootstrapServers, boolean running, int restarts) {
    }

    record Service(String name, long pid, int port, int managementPort, boolean up, int restarts) {
    }
}
