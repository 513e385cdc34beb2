-- Every clean purchase on the dates this run added rows to: the rows already there plus the new ones.
-- The daily aggregates are recomputed from this for exactly those dates.
SELECT e.purchase_id, e.user_id, e.category, e.brand, e.device_type, e.payment_method,
    e.net_revenue, e.margin, e.purchase_date
FROM existing_purchases AS e
WHERE e.purchase_date IN (SELECT c.purchase_date FROM clean_purchases AS c)
UNION ALL
SELECT c.purchase_id, c.user_id, c.category, c.brand, c.device_type, c.payment_method,
    c.net_revenue, c.margin, c.purchase_date
FROM clean_purchases AS c
