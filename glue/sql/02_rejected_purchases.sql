-- Rows that failed a rule, with the reason and where they came from, once each. The raw text is kept exactly
-- as it was read, so nothing is lost: a fixed file can be re-run, or the rows repaired from here.
-- reject_id is the rejected row's fingerprint: the MD5 of the MD5s of its raw fields (each field hashed on its
-- own, so no text can pass for a neighbour's; a missing field counts as empty). The raw text is the identity of
-- a bad row, so a row re-delivered (an overwritten cumulative object, a re-read after a bookmark reset) or
-- repeated in the batch is kept once, the first time; the others count as deduplicated, like clean rows.
SELECT
    d.reject_reason,
    d.source_file,
    d.source_row,
    d.user_id,
    d.session_id,
    d.category,
    d.brand,
    d.cost_price,
    d.selling_price,
    d.discount,
    d.timestamp,
    d.referrer,
    d.device_type,
    d.os,
    d.browser,
    d.ip_address,
    d.payment_method,
    d.extra_fields,
    d.reject_id,
    d.run_id
FROM (
    SELECT
        f.*,
        row_number() OVER (PARTITION BY f.reject_id ORDER BY f.source_file, f.source_row) AS occurrence
    FROM (
        SELECT
            t.reject_reason,
            t.source_file,
            t.source_row,
            t.raw_user_id AS user_id,
            t.raw_session_id AS session_id,
            t.raw_category AS category,
            t.raw_brand AS brand,
            t.raw_cost_price AS cost_price,
            t.raw_selling_price AS selling_price,
            t.raw_discount AS discount,
            t.raw_timestamp AS timestamp,
            t.raw_referrer AS referrer,
            t.raw_device_type AS device_type,
            t.raw_os AS os,
            t.raw_browser AS browser,
            t.raw_ip_address AS ip_address,
            t.raw_payment_method AS payment_method,
            t.extra_fields,
            md5(concat_ws('',
                md5(coalesce(t.raw_user_id, '')), md5(coalesce(t.raw_session_id, '')),
                md5(coalesce(t.raw_category, '')), md5(coalesce(t.raw_brand, '')),
                md5(coalesce(t.raw_cost_price, '')), md5(coalesce(t.raw_selling_price, '')),
                md5(coalesce(t.raw_discount, '')), md5(coalesce(t.raw_timestamp, '')),
                md5(coalesce(t.raw_referrer, '')), md5(coalesce(t.raw_device_type, '')),
                md5(coalesce(t.raw_os, '')), md5(coalesce(t.raw_browser, '')),
                md5(coalesce(t.raw_ip_address, '')), md5(coalesce(t.raw_payment_method, '')),
                md5(coalesce(t.extra_fields, '')))) AS reject_id,
            t.run_id
        FROM typed_purchases AS t
        WHERE t.reject_reason IS NOT NULL
    ) AS f
) AS d
WHERE d.occurrence = 1
    AND NOT EXISTS (
        SELECT 1
        FROM existing_rejected AS e
        WHERE e.reject_id = d.reject_id
    )
