-- Every clean purchase on the dates this batch has valid rows for: the rows already there plus the new ones.
-- The daily aggregates are recomputed from this for exactly those dates. The dates come from the batch's
-- valid rows, not only its new clean ones: a batch the clean table already holds (a re-read after
-- --reset-bookmark, a re-delivered object) still rebuilds the aggregates of the dates it reads.
SELECT e.purchase_id, e.user_id, e.category, e.brand, e.device_type, e.payment_method,
    e.net_revenue, e.margin, e.purchase_date
FROM existing_purchases AS e
WHERE e.purchase_date IN (SELECT t.purchase_date FROM typed_purchases AS t WHERE t.reject_reason IS NULL)
UNION ALL
SELECT c.purchase_id, c.user_id, c.category, c.brand, c.device_type, c.payment_method,
    c.net_revenue, c.margin, c.purchase_date
FROM clean_purchases AS c
