-- Clean rows of this run carry every key: purchase id, user, session, time and partition date.
WITH this_run AS (SELECT ? AS run_id)
SELECT count(*) AS offending
FROM clean_purchases AS c
JOIN this_run AS t ON c.run_id = t.run_id
WHERE c.purchase_id IS NULL
    OR c.user_id IS NULL
    OR c.session_id IS NULL
    OR c.purchased_at IS NULL
    OR c.purchase_date IS NULL
