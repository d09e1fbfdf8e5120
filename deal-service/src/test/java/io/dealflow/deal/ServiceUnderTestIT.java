package io.dealflow.deal;

import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.ServiceUnderTest;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.testing.TestServices;
import io.dealflow.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support other services' tests use to run the real deal-service: its executable jar (this
 * module's package phase built it) in a child JVM, against a database of its own and the test broker.
 */
class ServiceUnderTestIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theSharedDealServiceRunsFromItsJarWithTheDemoPipelinesSeeded() {
        ServiceUnderTest dealService = TestServices.dealService();

        assertThat(TestServices.dealService()).isSameAs(dealService);
        assertThat(dealService.baseUrl()).isEqualTo("http://127.0.0.1:" + dealService.port());
        ApiResponse sales = new HttpApi(dealService.port()).get("/api/v1/pipelines/sales");
        assertThat(sales.status()).isEqualTo(200);
        assertThat(sales.body().path("stages").size()).isEqualTo(5);
        assertThat(dealService.logFile()).isNotEmptyFile();
    }

    @Test
    void aDealOpenedOverHttpIsPublishedToTheDealEventsTopic() {
        HttpApi api = new HttpApi(TestServices.dealService().port());
        Map<String, Object> request = salesDealWithContact();

        ApiResponse opened = api.post("/api/v1/deals", request);

        assertThat(opened.status()).isEqualTo(201);
        String dealId = opened.body().path("id").asString();
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), Topics.DEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readKey(dealId, 1, WAIT);
            assertThat(records).hasSize(1);
            PublishedEvent<DealEvent> published = new EventJson().readDealEvent(records.get(0).value());
            assertThat(published.sequence()).isZero();
            assertThat(published.event()).isInstanceOfSatisfying(DealOpened.class, event -> {
                assertThat(event.pipelineId()).isEqualTo("sales");
                assertThat(event.title()).isEqualTo(request.get("title"));
                assertThat(event.actor()).isEqualTo("it-user");
            });
        }
    }
}
