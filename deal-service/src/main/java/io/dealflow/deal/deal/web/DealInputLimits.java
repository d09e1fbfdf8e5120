package io.dealflow.deal.deal.web;

import io.dealflow.api.FieldNames;

/** Bounds on what a client may send, so one request cannot bloat the event store or the board. */
public final class DealInputLimits {

    public static final int TITLE = 200;
    public static final int ID = 100;
    /** A caller-chosen deal id is a UUID in its canonical lower-case form, so one deal has one spelling. */
    public static final String DEAL_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    public static final String DEAL_ID_MESSAGE = "must be a UUID in lower case, e.g. 0b6d6c1e-7d4f-4a39-8d35-2f5b8c1e9a01";
    public static final int FIELDS = 100;
    /** deal-api's rule for a field's name, beside the other limits for the annotations that check it. */
    public static final String FIELD_NAME = FieldNames.PATTERN;
    public static final String FIELD_NAME_MESSAGE = FieldNames.MESSAGE;
    public static final int FIELD_VALUE = 2000;
    public static final int TAGS = 20;
    public static final int TAG = 50;
    public static final int EXTERNAL_REF = 200;
    public static final int REASON = 1000;
    public static final int COMMENT = 2000;
    public static final int DOCUMENT_NAME = 200;
    public static final int URI = 2000;
    public static final String CONTENT_TYPE = "[\\w.+-]+/[\\w.+-]+";
    public static final int PAGE_SIZE = 200;

    private DealInputLimits() {
    }
}
