-- Daily revenue, orders and margin per device type.
SELECT
    t.device_type,
    count(*) AS orders,
    CAST(sum(t.net_revenue) AS DECIMAL(18, 2)) AS revenue,
    CAST(sum(t.margin) AS DECIMAL(18, 2)) AS margin,
    t.purchase_date
FROM touched_purchases AS t
GROUP BY t.purchase_date, t.device_type
