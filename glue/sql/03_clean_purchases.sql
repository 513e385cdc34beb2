-- Valid rows, once each: the first occurrence of a fingerprint in this batch, and only if the clean
-- table does not already hold it (a re-uploaded file adds only its new rows).
-- The de-duplication ranks only the fingerprint and the row's place (file, record), not the whole row, and the
-- later occurrences it finds (a few) are left out by an anti-join written as LEFT JOIN ... IS NULL: ranking the
-- wide rows cost twice the rest of this statement, and DuckDB plans a correlated NOT EXISTS as a join that first
-- groups every outer row by the correlated columns. (file, record) is unique in a batch, so each row matches one
-- ranked row at most, and the outer join adds no rows.
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
FROM typed_purchases AS d
LEFT JOIN (
    SELECT o.purchase_id, o.source_file, o.source_row
    FROM (
        SELECT
            t.purchase_id,
            t.source_file,
            t.source_row,
            row_number() OVER (PARTITION BY t.purchase_id ORDER BY t.source_file, t.source_row) AS occurrence
        FROM typed_purchases AS t
        WHERE t.reject_reason IS NULL
    ) AS o
    WHERE o.occurrence > 1
) AS later
    ON later.purchase_id = d.purchase_id AND later.source_file = d.source_file AND later.source_row = d.source_row
LEFT JOIN existing_purchases AS e
    ON e.purchase_date = d.purchase_date AND e.purchase_id = d.purchase_id
WHERE d.reject_reason IS NULL
    AND later.purchase_id IS NULL
    AND e.purchase_id IS NULL
