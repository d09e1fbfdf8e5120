package io.dealflow.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollBatchesTest {

    private final List<List<String>> applied = new ArrayList<>();

    @Test
    void aPollThatCanBeAppliedIsAppliedAsOneBatch() {
        PollBatches.applyOrIsolate(records("a", "b", "c"), batch -> apply(batch, "none"));

        assertThat(applied).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aFailingRecordIsToldApartAfterTheRecordsBeforeItWereAppliedOneByOne() {
        assertThatThrownBy(() -> PollBatches.applyOrIsolate(records("a", "b", "c"), batch -> apply(batch, "b")))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).hasMessage("b cannot be applied");
                });

        assertThat(applied).containsExactly(List.of("a"));
    }

    @Test
    void aSingleFailingRecordIsNotTriedTwice() {
        List<Integer> attempts = new ArrayList<>();
        assertThatThrownBy(() -> PollBatches.applyOrIsolate(records("a"), batch -> {
            attempts.add(batch.size());
            throw new IllegalStateException("no");
        })).isInstanceOfSatisfying(BatchListenerFailedException.class,
                failed -> assertThat(failed.getIndex()).isZero());
        assertThat(attempts).containsExactly(1);
    }

    private void apply(List<ConsumerRecord<String, String>> batch, String failing) {
        List<String> values = batch.stream().map(ConsumerRecord::value).toList();
        if (values.contains(failing)) {
            throw new IllegalStateException(failing + " cannot be applied");
        }
        applied.add(values);
    }

    private static List<ConsumerRecord<String, String>> records(String... values) {
        return IntStream.range(0, values.length)
                .mapToObj(offset -> new ConsumerRecord<>("topic", 0, offset, "key", values[offset])).toList();
    }
}
