package io.dealflow.deal.deal.query;

import io.dealflow.api.json.DealflowJson;
import io.dealflow.deal.deal.command.DealStatus;
import io.dealflow.platform.paging.ListQuery;
import io.dealflow.platform.paging.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the board read model. */
@Component
public class DealBoard {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DealView.Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public DealBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DealView> find(String dealId) {
        return jdbc.sql("SELECT * FROM deals WHERE deal_id = :id").param("id", dealId).query(DEAL).optional();
    }

    public Page<DealView> page(DealBoardQuery query) {
        if (query.visiblePipelines() != null && query.visiblePipelines().isEmpty()) {
            return Page.empty(query.page(), query.size());
        }
        return ListQuery.from("deals")
                .whereEquals("pipeline_id", "pipelineId", query.pipelineId())
                .whereEquals("stage_id", "stageId", query.stageId())
                .whereEquals("manager_id", "managerId", query.managerId())
                .whereEquals("status", "status", query.status() == null ? null : query.status().name())
                .whereIn("pipeline_id", "visiblePipelines", query.visiblePipelines())
                .page(jdbc, "opened_at, deal_id", query.page(), query.size(), DEAL);
    }

    private static final RowMapper<DealView> DEAL = (ResultSet row, int index) -> new DealView(
            row.getString("deal_id"),
            row.getString("pipeline_id"),
            row.getInt("pipeline_version"),
            row.getString("title"),
            row.getString("manager_id"),
            row.getString("stage_id"),
            DealStatus.valueOf(row.getString("status")),
            DealflowJson.mapper().readValue(row.getString("fields"), FIELDS),
            DealflowJson.mapper().readValue(row.getString("tags"), TAGS),
            new ArrayList<>(DealflowJson.mapper().readValue(row.getString("attachments"), ATTACHMENTS)),
            row.getLong("version"),
            instant(row, "opened_at"),
            instant(row, "stage_entered_at"),
            instant(row, "closed_at"),
            row.getString("loss_reason") == null ? null
                    : DealflowJson.mapper().readValue(row.getString("loss_reason"), DealView.LossReasonView.class),
            row.getString("origin_deal_id"),
            row.getString("external_ref"));

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
