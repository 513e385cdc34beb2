-- Trim, normalise case, type every field, and find the first reason (if any) to reject the row.
-- purchase_id is the row's fingerprint: the normalised text of every field, so exact duplicates
-- (and duplicates that differ only in stray whitespace or case) get the same id.
SELECT
    n.*,
    md5(concat_ws('|',
        coalesce(n.user_id, ''), coalesce(n.session_id, ''), coalesce(n.category, ''),
        coalesce(n.brand, ''), coalesce(n.cost_price_text, ''), coalesce(n.selling_price_text, ''),
        coalesce(n.discount_text, ''), coalesce(n.timestamp_text, ''), coalesce(n.referrer, ''),
        coalesce(n.device_type, ''), coalesce(n.os, ''), coalesce(n.browser, ''),
        coalesce(n.ip_address, ''), coalesce(n.payment_method, ''))) AS purchase_id,
    CASE
        WHEN n.extra_fields IS NOT NULL THEN 'malformed_row'
        WHEN n.user_id IS NULL THEN 'missing_user_id'
        WHEN n.session_id IS NULL THEN 'missing_session_id'
        WHEN n.category IS NULL THEN 'missing_category'
        WHEN n.brand IS NULL THEN 'missing_brand'
        WHEN n.cost_price_text IS NULL THEN 'missing_cost_price'
        WHEN n.selling_price_text IS NULL THEN 'missing_selling_price'
        WHEN n.discount_text IS NULL THEN 'missing_discount'
        WHEN n.timestamp_text IS NULL THEN 'missing_timestamp'
        WHEN n.device_type IS NULL THEN 'missing_device_type'
        WHEN n.payment_method IS NULL THEN 'missing_payment_method'
        WHEN regexp_extract(n.user_id, '^USI_[0-9]+$', 0) <> n.user_id THEN 'invalid_user_id'
        WHEN regexp_extract(n.session_id, '^[0-9a-f]{32}$', 0) <> n.session_id THEN 'invalid_session_id'
        WHEN regexp_extract(n.cost_price_text, '^-?[0-9]{1,10}$', 0) <> n.cost_price_text THEN 'invalid_cost_price'
        WHEN regexp_extract(n.selling_price_text, '^-?[0-9]{1,10}([.][0-9]{1,2})?$', 0) <> n.selling_price_text THEN 'invalid_selling_price'
        WHEN regexp_extract(n.discount_text, '^-?[0-9]{1,10}$', 0) <> n.discount_text THEN 'invalid_discount'
        WHEN TRY_CAST(n.cost_price_text AS BIGINT) < 0
            OR TRY_CAST(n.selling_price_text AS DECIMAL(12, 2)) < 0
            OR TRY_CAST(n.discount_text AS BIGINT) < 0 THEN 'negative_amount'
        WHEN TRY_CAST(n.discount_text AS BIGINT) > TRY_CAST(n.selling_price_text AS DECIMAL(12, 2)) THEN 'discount_exceeds_price'
        WHEN regexp_extract(n.timestamp_text, '^[0-9]{4}-[0-9]{2}-[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$', 0) <> n.timestamp_text
            OR TRY_CAST(n.timestamp_text AS TIMESTAMP) IS NULL THEN 'invalid_timestamp'
        WHEN n.ip_address IS NOT NULL
            AND regexp_extract(n.ip_address, '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$', 0) <> n.ip_address THEN 'invalid_ip_address'
    END AS reject_reason,
    TRY_CAST(n.cost_price_text AS BIGINT) AS cost_price,
    TRY_CAST(n.selling_price_text AS DECIMAL(12, 2)) AS selling_price,
    TRY_CAST(n.discount_text AS BIGINT) AS discount,
    TRY_CAST(n.timestamp_text AS TIMESTAMP) AS purchased_at,
    CAST(TRY_CAST(n.timestamp_text AS TIMESTAMP) AS DATE) AS purchase_date
FROM (
    SELECT
        nullif(upper(trim(BOTH ' ' FROM r.user_id)), '') AS user_id,
        nullif(lower(trim(BOTH ' ' FROM r.session_id)), '') AS session_id,
        nullif(lower(trim(BOTH ' ' FROM r.category)), '') AS category,
        nullif(lower(trim(BOTH ' ' FROM r.brand)), '') AS brand,
        nullif(trim(BOTH ' ' FROM r.cost_price), '') AS cost_price_text,
        nullif(trim(BOTH ' ' FROM r.selling_price), '') AS selling_price_text,
        nullif(trim(BOTH ' ' FROM r.discount), '') AS discount_text,
        nullif(trim(BOTH ' ' FROM r.timestamp), '') AS timestamp_text,
        nullif(upper(trim(BOTH ' ' FROM r.referrer)), '') AS referrer,
        nullif(lower(trim(BOTH ' ' FROM r.device_type)), '') AS device_type,
        nullif(lower(trim(BOTH ' ' FROM r.os)), '') AS os,
        nullif(lower(trim(BOTH ' ' FROM r.browser)), '') AS browser,
        nullif(trim(BOTH ' ' FROM r.ip_address), '') AS ip_address,
        nullif(lower(trim(BOTH ' ' FROM r.payment_method)), '') AS payment_method,
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
