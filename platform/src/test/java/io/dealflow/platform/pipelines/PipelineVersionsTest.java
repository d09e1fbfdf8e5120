package io.dealflow.platform.pipelines;

import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.api.pipeline.StageDefinition;
import io.dealflow.platform.security.Departments;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The one implementation of a pipeline versions table, on a real PostgreSQL database: platform's
 * {@code pipeline_catalog} as the consumers keep it, and a table like deal-service's, which also records when each
 * version was defined.
 */
class PipelineVersionsTest {

    private static final Instant DEFINED_AT = Instant.parse("2026-11-23T10:00:00Z");

    private static JdbcClient jdbc;

    @BeforeAll
    static void migrateAFreshDatabase() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_pipeline_versions");
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), database.jdbcUrl(),
                database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                CREATE TABLE defined_versions (
                    pipeline_id VARCHAR(64) NOT NULL, version INTEGER NOT NULL, definition JSONB NOT NULL,
                    defined_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (pipeline_id, version))""").update();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("DELETE FROM pipeline_catalog").update();
        jdbc.sql("DELETE FROM defined_versions").update();
    }

    @Test
    void aStoredVersionComesBackAsItWasDefined() {
        PipelineCatalog catalog = new PipelineCatalog(jdbc);
        PipelineDefined sales = pipeline("sales", 1, "sales");

        catalog.add(sales);

        assertThat(catalog.find("sales", 1)).contains(sales);
        assertThat(catalog.require("sales", 1)).isEqualTo(sales);
        assertThat(catalog.find("sales", 2)).isEmpty();
    }

    @Test
    void aVersionAddedAgainKeepsTheFirstDefinition() {
        PipelineCatalog catalog = new PipelineCatalog(jdbc);
        catalog.add(pipeline("sales", 1, "sales"));

        catalog.add(pipeline("sales", 1, "contracts"));

        assertThat(new PipelineCatalog(jdbc).find("sales", 1)).map(PipelineDefined::department).contains("sales");
    }

    @Test
    void aVersionOnceReadIsAnsweredFromMemory() {
        PipelineCatalog catalog = new PipelineCatalog(jdbc);
        catalog.add(pipeline("sales", 1, "sales"));
        catalog.find("sales", 1);

        jdbc.sql("DELETE FROM pipeline_catalog").update();

        assertThat(catalog.find("sales", 1)).isPresent();
    }

    @Test
    void theLatestVersionIsAskedOfTheTableSoAnotherInstancesVersionCounts() {
        PipelineCatalog catalog = new PipelineCatalog(jdbc);
        catalog.add(pipeline("sales", 1, "sales"));
        assertThat(catalog.latest("sales")).map(PipelineDefined::version).contains(1);

        new PipelineCatalog(jdbc).add(pipeline("sales", 2, "contracts"));

        assertThat(catalog.latest("sales")).map(PipelineDefined::version).contains(2);
        assertThat(catalog.owners().departmentOf("sales")).contains("contracts");
        assertThat(catalog.latest("unknown")).isEmpty();
    }

    @Test
    void allLatestHasTheNewestVersionOfEachPipeline() {
        PipelineCatalog catalog = new PipelineCatalog(jdbc);
        catalog.add(pipeline("sales", 1, "sales"));
        catalog.add(pipeline("sales", 2, "sales"));
        catalog.add(pipeline("contracts", 1, "contracts"));

        assertThat(catalog.allLatest()).extracting(PipelineDefined::pipelineId, PipelineDefined::version)
                .containsExactly(tuple("contracts", 1),
                        tuple("sales", 2));
    }

    @Test
    void aTableThatRecordsWhenAVersionWasDefinedGetsTheTime() {
        PipelineVersions versions = new PipelineVersions(jdbc, "defined_versions");

        versions.add(pipeline("sales", 1, "sales"), DEFINED_AT);
        versions.add(pipeline("sales", 1, "contracts"), DEFINED_AT.plusSeconds(60));

        assertThat(jdbc.sql("SELECT defined_at FROM defined_versions WHERE pipeline_id = 'sales' AND version = 1")
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(DEFINED_AT);
        assertThat(versions.latest("sales")).map(PipelineDefined::department).contains("sales");
        assertThat(versions.owners().pipelinesOf(Departments.of(Set.of("sales")))).contains(Set.of("sales"));
        assertThat(new PipelineCatalog(jdbc).latest("sales")).isEmpty();
    }

    private static PipelineDefined pipeline(String id, int version, String department) {
        return new PipelineDefined(id, version, id, department, SkipMode.STRICT, BackwardMode.ALLOW_WITH_REASON,
                null, null, List.of(new StageDefinition("new", "New", List.of(), List.of(), null, null)), List.of(),
                "olena");
    }
}
