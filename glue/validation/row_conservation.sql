-- Every row read is accounted for: rows_in = clean + rejected + deduplicated (a clean or rejected row the lake
-- or the batch already had, such as a re-delivered one, is deduplicated, not stored), and the manifest's counts
-- match the rows actually in the lake. A run without a manifest breaks the rule. rejected_purchases is
-- filtered by a literal run id (the second parameter): in Athena its run_id partitions are injected, not listed.
WITH this_run AS (SELECT ? AS run_id),
actual AS (
    SELECT
        (SELECT count(*) FROM clean_purchases AS c JOIN this_run AS t ON c.run_id = t.run_id) AS clean_rows,
        (SELECT count(*) FROM rejected_purchases AS r WHERE r.run_id = ?) AS rejected_rows
)
SELECT coalesce(max(
    abs(m.rows_in - (a.clean_rows + a.rejected_rows + m.rows_deduplicated))
    + abs(m.rows_clean - a.clean_rows)
    + abs(m.rows_rejected - a.rejected_rows)), 1) AS offending
FROM run_manifests AS m
JOIN this_run AS t ON m.run_id = t.run_id
CROSS JOIN actual AS a
