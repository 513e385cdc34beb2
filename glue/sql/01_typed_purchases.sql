-- Trim, normalise case, type every field, and find the first reason (if any) to reject the row, in one pass over
-- the raw text: each field is trimmed, case-folded and cast once, and checked by one regular expression at most.
-- Only the rare field with a space at an end is trimmed: trim(BOTH ' ' FROM x) costs far more than the two LIKE
-- tests that find it (LIKE ' %' is a starts-with test in both engines, see glue/sql/README.md).
-- purchase_id is the row's fingerprint: the normalised text of every field, so exact duplicates
-- (and duplicates that differ only in stray whitespace or case) get the same id.
-- The raw text is kept for rejected rows only: rejected_purchases is its one reader, and a copy of every valid
-- row's text would double what the batch holds.
SELECT
    v.purchase_id,
    v.reject_reason,
    v.user_id,
    v.session_id,
    v.category,
    v.brand,
    v.cost_price,
    v.selling_price,
    v.discount,
    v.purchased_at,
    CAST(v.purchased_at AS DATE) AS purchase_date,
    v.referrer,
    v.device_type,
    v.os,
    v.browser,
    v.ip_address,
    v.payment_method,
    v.source_file,
    v.source_row,
    v.run_id,
    v.extra_fields,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_user_id END AS raw_user_id,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_session_id END AS raw_session_id,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_category END AS raw_category,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_brand END AS raw_brand,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_cost_price END AS raw_cost_price,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_selling_price END AS raw_selling_price,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_discount END AS raw_discount,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_timestamp END AS raw_timestamp,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_referrer END AS raw_referrer,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_device_type END AS raw_device_type,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_os END AS raw_os,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_browser END AS raw_browser,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_ip_address END AS raw_ip_address,
    CASE WHEN v.reject_reason IS NOT NULL THEN v.raw_payment_method END AS raw_payment_method
FROM (
    SELECT
        c.*,
        md5(concat_ws('|',
            coalesce(c.user_id, ''),
            coalesce(c.session_id, ''),
            coalesce(c.category, ''),
            coalesce(c.brand, ''),
            coalesce(c.cost_price_text, ''),
            coalesce(c.selling_price_text, ''),
            coalesce(c.discount_text, ''),
            coalesce(c.timestamp_text, ''),
            coalesce(c.referrer, ''),
            coalesce(c.device_type, ''),
            coalesce(c.os, ''),
            coalesce(c.browser, ''),
            coalesce(c.ip_address, ''),
            coalesce(c.payment_method, ''))) AS purchase_id,
        CASE
            WHEN c.extra_fields IS NOT NULL THEN 'malformed_row'
            WHEN c.user_id IS NULL THEN 'missing_user_id'
            WHEN c.session_id IS NULL THEN 'missing_session_id'
            WHEN c.category IS NULL THEN 'missing_category'
            WHEN c.brand IS NULL THEN 'missing_brand'
            WHEN c.cost_price_text IS NULL THEN 'missing_cost_price'
            WHEN c.selling_price_text IS NULL THEN 'missing_selling_price'
            WHEN c.discount_text IS NULL THEN 'missing_discount'
            WHEN c.timestamp_text IS NULL THEN 'missing_timestamp'
            WHEN c.device_type IS NULL THEN 'missing_device_type'
            WHEN c.payment_method IS NULL THEN 'missing_payment_method'
            WHEN regexp_extract(c.user_id, '^USI_[0-9]+$', 0) <> c.user_id THEN 'invalid_user_id'
            WHEN regexp_extract(c.session_id, '^[0-9a-f]{32}$', 0) <> c.session_id THEN 'invalid_session_id'
            WHEN regexp_extract(c.cost_price_text, '^-?[0-9]{1,10}$', 0) <> c.cost_price_text THEN 'invalid_cost_price'
            WHEN regexp_extract(c.selling_price_text, '^-?[0-9]{1,10}([.][0-9]{1,2})?$', 0) <> c.selling_price_text THEN 'invalid_selling_price'
            WHEN regexp_extract(c.discount_text, '^-?[0-9]{1,10}$', 0) <> c.discount_text THEN 'invalid_discount'
            WHEN c.cost_price < 0 OR c.selling_price < 0 OR c.discount < 0 THEN 'negative_amount'
            WHEN c.discount > c.selling_price THEN 'discount_exceeds_price'
            WHEN regexp_extract(c.timestamp_text, '^[0-9]{4}-[0-9]{2}-[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$', 0) <> c.timestamp_text
                OR c.purchased_at IS NULL THEN 'invalid_timestamp'
            WHEN c.ip_address IS NOT NULL
                AND regexp_extract(c.ip_address, '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$', 0) <> c.ip_address THEN 'invalid_ip_address'
        END AS reject_reason
    FROM (
        SELECT
            n.*,
            TRY_CAST(n.cost_price_text AS BIGINT) AS cost_price,
            TRY_CAST(n.selling_price_text AS DECIMAL(12, 2)) AS selling_price,
            TRY_CAST(n.discount_text AS BIGINT) AS discount,
            TRY_CAST(n.timestamp_text AS TIMESTAMP) AS purchased_at
        FROM (
            SELECT
                nullif(upper(CASE WHEN r.user_id LIKE ' %' OR r.user_id LIKE '% ' THEN trim(BOTH ' ' FROM r.user_id) ELSE r.user_id END), '') AS user_id,
                nullif(lower(CASE WHEN r.session_id LIKE ' %' OR r.session_id LIKE '% ' THEN trim(BOTH ' ' FROM r.session_id) ELSE r.session_id END), '') AS session_id,
                nullif(lower(CASE WHEN r.category LIKE ' %' OR r.category LIKE '% ' THEN trim(BOTH ' ' FROM r.category) ELSE r.category END), '') AS category,
                nullif(lower(CASE WHEN r.brand LIKE ' %' OR r.brand LIKE '% ' THEN trim(BOTH ' ' FROM r.brand) ELSE r.brand END), '') AS brand,
                nullif(CASE WHEN r.cost_price LIKE ' %' OR r.cost_price LIKE '% ' THEN trim(BOTH ' ' FROM r.cost_price) ELSE r.cost_price END, '') AS cost_price_text,
                nullif(CASE WHEN r.selling_price LIKE ' %' OR r.selling_price LIKE '% ' THEN trim(BOTH ' ' FROM r.selling_price) ELSE r.selling_price END, '') AS selling_price_text,
                nullif(CASE WHEN r.discount LIKE ' %' OR r.discount LIKE '% ' THEN trim(BOTH ' ' FROM r.discount) ELSE r.discount END, '') AS discount_text,
                nullif(CASE WHEN r.timestamp LIKE ' %' OR r.timestamp LIKE '% ' THEN trim(BOTH ' ' FROM r.timestamp) ELSE r.timestamp END, '') AS timestamp_text,
                nullif(upper(CASE WHEN r.referrer LIKE ' %' OR r.referrer LIKE '% ' THEN trim(BOTH ' ' FROM r.referrer) ELSE r.referrer END), '') AS referrer,
                nullif(lower(CASE WHEN r.device_type LIKE ' %' OR r.device_type LIKE '% ' THEN trim(BOTH ' ' FROM r.device_type) ELSE r.device_type END), '') AS device_type,
                nullif(lower(CASE WHEN r.os LIKE ' %' OR r.os LIKE '% ' THEN trim(BOTH ' ' FROM r.os) ELSE r.os END), '') AS os,
                nullif(lower(CASE WHEN r.browser LIKE ' %' OR r.browser LIKE '% ' THEN trim(BOTH ' ' FROM r.browser) ELSE r.browser END), '') AS browser,
                nullif(CASE WHEN r.ip_address LIKE ' %' OR r.ip_address LIKE '% ' THEN trim(BOTH ' ' FROM r.ip_address) ELSE r.ip_address END, '') AS ip_address,
                nullif(lower(CASE WHEN r.payment_method LIKE ' %' OR r.payment_method LIKE '% ' THEN trim(BOTH ' ' FROM r.payment_method) ELSE r.payment_method END), '') AS payment_method,
                r.extra_fields,
                r.user_id AS raw_user_id,
                r.session_id AS raw_session_id,
                r.category AS raw_category,
                r.brand AS raw_brand,
                r.cost_price AS raw_cost_price,
                r.selling_price AS raw_selling_price,
                r.discount AS raw_discount,
                r.timestamp AS raw_timestamp,
                r.referrer AS raw_referrer,
                r.device_type AS raw_device_type,
                r.os AS raw_os,
                r.browser AS raw_browser,
                r.ip_address AS raw_ip_address,
                r.payment_method AS raw_payment_method,
                r.source_file,
                r.source_row,
                r.run_id
            FROM raw_purchases AS r
        ) AS n
    ) AS c
) AS v
