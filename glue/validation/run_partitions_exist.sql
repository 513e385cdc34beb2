-- Each partition the manifest lists holds exactly the rows the run says it wrote there.
WITH this_run AS (SELECT ? AS run_id)
SELECT count(*) AS offending
FROM run_partitions AS p
JOIN this_run AS t ON p.run_id = t.run_id
WHERE p.row_count <> (
    SELECT count(*)
    FROM clean_purchases AS c
    WHERE c.run_id = p.run_id AND c.purchase_date = CAST(p.purchase_date AS DATE))
