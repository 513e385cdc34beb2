-- Valid rows, once each: the first occurrence of a fingerprint in this batch, and only if the clean
-- table does not already hold it (a re-uploaded file adds only its new rows).
SELECT
    d.purchase_id,
    d.user_id,
    d.session_id,
    d.category,
    d.brand,
    d.cost_price,
    d.selling_price,
    d.discount,
    CAST(d.selling_price - d.discount AS DECIMAL(14, 2)) AS net_revenue,
    CAST(d.selling_price - d.discount - d.cost_price AS DECIMAL(14, 2)) AS margin,
    d.purchased_at,
    d.referrer,
    d.device_type,
    d.os,
    d.browser,
    d.ip_address,
    d.payment_method,
    d.source_file,
    d.source_row,
    d.run_id,
    d.purchase_date
FROM (
    SELECT
        t.*,
        row_number() OVER (PARTITION BY t.purchase_id ORDER BY t.source_file, t.source_row) AS occurrence
    FROM typed_purchases AS t
    WHERE t.reject_reason IS NULL
) AS d
WHERE d.occurrence = 1
    AND NOT EXISTS (
        SELECT 1
        FROM existing_purchases AS e
        WHERE e.purchase_date = d.purchase_date AND e.purchase_id = d.purchase_id
    )
