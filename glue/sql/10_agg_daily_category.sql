-- Daily revenue, orders and margin per category.
SELECT
    t.category,
    count(*) AS orders,
    CAST(sum(t.net_revenue) AS DECIMAL(18, 2)) AS revenue,
    CAST(sum(t.margin) AS DECIMAL(18, 2)) AS margin,
    t.purchase_date
FROM touched_purchases AS t
GROUP BY t.purchase_date, t.category
