-- Daily revenue per brand, ranked within the day (rank 1 = top brand); top brands over any period are
-- a sum over these rows.
SELECT
    b.brand,
    b.category,
    b.orders,
    b.revenue,
    b.margin,
    rank() OVER (PARTITION BY b.purchase_date ORDER BY b.revenue DESC, b.brand) AS revenue_rank,
    b.purchase_date
FROM (
    SELECT
        t.brand,
        min(t.category) AS category,
        count(*) AS orders,
        CAST(sum(t.net_revenue) AS DECIMAL(18, 2)) AS revenue,
        CAST(sum(t.margin) AS DECIMAL(18, 2)) AS margin,
        t.purchase_date
    FROM touched_purchases AS t
    GROUP BY t.purchase_date, t.brand
) AS b
