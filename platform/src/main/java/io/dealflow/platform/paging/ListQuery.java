package io.dealflow.platform.paging;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A listing's filters, each applied only when the client gave it, then counted and paged: one way for every list
 * endpoint, so none builds its {@code WHERE} clause by hand. Column names and conditions are the caller's constants;
 * every value the client sent is a bound parameter.
 */
public final class ListQuery {

    private final String table;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private ListQuery(String table) {
        this.table = table;
    }

    public static ListQuery from(String table) {
        return new ListQuery(table);
    }

    /** {@code column = :param}, when {@code value} is not null. */
    public ListQuery whereEquals(String column, String param, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + param);
            params.put(param, value);
        }
        return this;
    }

    /** {@code column IN (:param)}, when {@code values} is not null; an empty collection is the caller's to decide. */
    public ListQuery whereIn(String column, String param, Collection<?> values) {
        if (values != null) {
            conditions.add(column + " IN (:" + param + ")");
            params.put(param, values);
        }
        return this;
    }

    /** A fixed condition without parameters, e.g. {@code status = 'OPEN' AND overdue_at IS NOT NULL}. */
    public ListQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** The page of rows in {@code orderBy} order (which must be total, so that pages neither overlap nor skip). */
    public <T> Page<T> page(JdbcClient jdbc, String orderBy, int page, int size, RowMapper<T> rows) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM " + table + where).params(params).query(Long.class).single();
        List<T> items = jdbc.sql("SELECT * FROM " + table + where + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(rows)
                .list();
        return new Page<>(items, page, size, total);
    }
}
