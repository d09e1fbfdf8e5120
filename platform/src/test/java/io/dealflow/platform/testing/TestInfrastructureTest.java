package io.dealflow.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.support.TestPropertySourceUtils;

class TestInfrastructureTest {

    @Test
    void eachNewDatabaseIsAnEmptyUsableDatabaseOfItsOwn() throws SQLException {
        TestDatabase first = TestInfrastructure.newDatabase("Infra_Test");
        TestDatabase second = TestInfrastructure.newDatabase("infra_test");

        assertThat(first.name()).matches("infra_test_[a-z0-9]{8}").isNotEqualTo(second.name());
        execute(first, "CREATE TABLE marker (id INT)");
        execute(first, "INSERT INTO marker VALUES (1)");

        assertThat(currentDatabase(first)).isEqualTo(first.name());
        assertThat(tableCount(second, "marker")).isZero();
        assertThat(tableCount(first, "marker")).isOne();
    }

    @Test
    void aStoppedBrokerComesBackOnTheSameAddressWithItsRecords() throws Exception {
        KafkaUnderTest kafka = TestInfrastructure.kafka();
        String address = kafka.bootstrapServers();
        String topic = "infra-test-" + System.nanoTime();
        TopicPartition partition = new TopicPartition(topic, 0);
        send(address, topic, "before-outage");

        try (KafkaConsumer<String, String> consumer = consumer(address)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> seen = new ArrayList<>();
            awaitValues(consumer, seen, "before-outage");

            kafka.stop();
            try {
                consumer.poll(Duration.ofMillis(300));
            } finally {
                // The broker is shared by the whole test JVM: it must come back whatever happens.
                kafka.start();
            }

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            send(address, topic, "after-outage");
            awaitValues(consumer, seen, "before-outage", "after-outage");
        }
    }

    @Test
    void eachSpringContextGetsItsOwnDatabaseAndTheSharedBroker() {
        Environment first = initializedContext("dealflow.test.database-prefix=deal_it").getEnvironment();
        Environment second = initializedContext().getEnvironment();

        assertThat(first.getProperty("spring.datasource.url")).contains("/deal_it_");
        assertThat(second.getProperty("spring.datasource.url"))
                .contains("/" + IntegrationTestInfrastructureInitializer.DEFAULT_PREFIX + "_")
                .endsWith(second.getProperty(IntegrationTestInfrastructureInitializer.DATABASE_NAME_PROPERTY));
        assertThat(first.getProperty("spring.datasource.username")).isNotBlank();
        assertThat(first.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(second.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestInfrastructure.kafka().bootstrapServers());
    }

    private static GenericApplicationContext initializedContext(String... properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, properties);
        new IntegrationTestInfrastructureInitializer().initialize(context);
        return context;
    }

    private static void send(String bootstrapServers, String topic, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static void awaitValues(KafkaConsumer<String, String> consumer, List<String> seen, String... expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
            assertThat(seen).containsExactly(expected);
        });
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String currentDatabase(TestDatabase database) throws SQLException {
        try (Connection connection = connect(database);
             ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static int tableCount(TestDatabase database, String table) throws SQLException {
        try (Connection connection = connect(database);
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
