package io.dealflow.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.List;
import java.util.function.Consumer;

/**
 * A batch listener's poll, applied as one batch (one transaction) and, only when that fails, one record at a time
 * to tell the failing record apart: the records before it are applied and committed one by one, and the failing
 * one reaches the container's error handler as a single record would (retried with back-off, or skipped at once
 * when it can never be read), with the offsets before it committed. Without this, a batch that keeps failing is
 * skipped whole by the error handler in the end, good records with the bad one.
 */
public final class PollBatches {

    private PollBatches() {
    }

    /** @param apply applies the given records all or nothing (one transaction) */
    public static <K, V> void applyOrIsolate(List<ConsumerRecord<K, V>> records,
                                             Consumer<List<ConsumerRecord<K, V>>> apply) {
        try {
            apply.accept(records);
            return;
        } catch (RuntimeException batchFailed) {
            if (records.size() == 1) {
                throw new BatchListenerFailedException(describe(records.get(0)) + " failed", batchFailed, 0);
            }
        }
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<K, V> record = records.get(index);
            try {
                apply.accept(List.of(record));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(describe(record) + " failed", failed, index);
            }
        }
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return "Record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
