package io.dealflow.api.deal;

public enum Direction {
    FORWARD,
    BACKWARD
}
