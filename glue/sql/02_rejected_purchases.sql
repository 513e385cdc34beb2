-- Rows that failed a rule, with the reason and where they came from. The raw text is kept exactly as it
-- was read, so nothing is lost: a fixed file can be re-run, or the rows repaired from here.
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
    t.run_id
FROM typed_purchases AS t
WHERE t.reject_reason IS NOT NULL
