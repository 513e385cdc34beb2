-- In every partition this run wrote to, each purchase id (row fingerprint) appears once.
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
