package io.dealflow.deal.imports.job;

/**
 * RUNNING while rows are read and deals decided; DONE when every deal has its outcome; FAILED when the body could
 * not be read to its end (the deals decided before it stand).
 */
public enum ImportState {
    RUNNING, DONE, FAILED
}
