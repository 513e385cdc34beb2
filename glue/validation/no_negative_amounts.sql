-- No clean row of this run has a negative price, discount or net revenue.
WITH this_run AS (SELECT ? AS run_id)
SELECT count(*) AS offending
FROM clean_purchases AS c
JOIN this_run AS t ON c.run_id = t.run_id
WHERE c.cost_price < 0
    OR c.selling_price < 0
    OR c.discount < 0
    OR c.net_revenue < 0
