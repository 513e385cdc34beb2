-- In every partition this run wrote to, each purchase id (row fingerprint) appears once.
-- Every id of those partitions, not only this run's: a duplicate among earlier rows (a backup restored over the
-- table) fails the next run that writes there, before it publishes (LocalEtlJobFailureTests, RerunTests). Limiting
-- the scan to this run's ids with a semi-join would miss it, and cost twice as much at a first run, where every row
-- is the run's (issue 10).
WITH this_run AS (SELECT ? AS run_id)
SELECT count(*) AS offending
FROM (
    SELECT c.purchase_id
    FROM clean_purchases AS c
    WHERE c.purchase_date IN (
        SELECT CAST(p.purchase_date AS DATE)
        FROM run_partitions AS p
        JOIN this_run AS t ON p.run_id = t.run_id)
    GROUP BY c.purchase_id
    HAVING count(*) > 1
) AS d
