package io.dealflow.handoff.deal;

import io.dealflow.api.deal.DealDocumentAttached;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealFieldsUpdated;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealTagged;
import io.dealflow.api.deal.DealUntagged;
import io.dealflow.api.json.DealflowJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps every deal's current content from its events; runs in the consumer's transaction. */
@Repository
public class DealSnapshots {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<DealSnapshot.Attachment>> ATTACHMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public DealSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(DealEvent event) {
        if (event instanceof DealOpened opened) {
            jdbc.sql("""
                            INSERT INTO deal_snapshots (deal_id, pipeline_id, title, manager_id, fields, tags, attachments,
                                                        external_ref)
                            VALUES (:id, :pipelineId, :title, :managerId, CAST(:fields AS jsonb), CAST(:tags AS jsonb),
                                    '[]'::jsonb, :externalRef)
                            ON CONFLICT (deal_id) DO NOTHING""")
                    .param("id", opened.dealId()).param("pipelineId", opened.pipelineId())
                    .param("title", opened.title()).param("managerId", opened.managerId())
                    .param("fields", json(opened.fields())).param("tags", json(opened.tags()))
                    .param("externalRef", opened.externalRef())
                    .update();
        } else if (event instanceof DealFieldsUpdated updated) {
            // jsonb_strip_nulls drops the keys whose new value is null: a cleared field
            set(updated.dealId(), "fields = jsonb_strip_nulls(fields || CAST(:value AS jsonb))",
                    json(updated.fields()));
        } else if (event instanceof DealManagerReassigned reassigned) {
            set(reassigned.dealId(), "manager_id = :value", reassigned.toManagerId());
        } else if (event instanceof DealTagged tagged) {
            set(tagged.dealId(), "tags = CASE WHEN tags @> jsonb_build_array(CAST(:value AS text)) THEN tags"
                    + " ELSE tags || jsonb_build_array(CAST(:value AS text)) END", tagged.tag());
        } else if (event instanceof DealUntagged untagged) {
            set(untagged.dealId(), "tags = tags - CAST(:value AS text)", untagged.tag());
        } else if (event instanceof DealDocumentAttached attached) {
            set(attached.dealId(), "attachments = attachments || jsonb_build_array(CAST(:value AS jsonb))",
                    json(new DealSnapshot.Attachment(attached.name(), attached.uri(), attached.contentType())));
        }
    }

    public Optional<DealSnapshot> find(String dealId) {
        return jdbc.sql("SELECT * FROM deal_snapshots WHERE deal_id = :id").param("id", dealId)
                .query((row, index) -> new DealSnapshot(row.getString("deal_id"), row.getString("pipeline_id"),
                        row.getString("title"), row.getString("manager_id"),
                        DealflowJson.mapper().readValue(row.getString("fields"), FIELDS),
                        DealflowJson.mapper().readValue(row.getString("tags"), TAGS),
                        DealflowJson.mapper().readValue(row.getString("attachments"), ATTACHMENTS),
                        row.getString("external_ref")))
                .optional();
    }

    private void set(String dealId, String assignment, String value) {
        jdbc.sql("UPDATE deal_snapshots SET " + assignment + " WHERE deal_id = :id")
                .param("id", dealId).param("value", value).update();
    }

    private static String json(Object value) {
        return DealflowJson.mapper().writeValueAsString(value);
    }
}
