-- Daily revenue per customer segment (gender and age band) from the optional user dimension;
-- purchases by users the dimension does not know are counted under 'unknown'.
SELECT
    s.gender,
    s.age_band,
    count(*) AS orders,
    CAST(sum(s.net_revenue) AS DECIMAL(18, 2)) AS revenue,
    s.purchase_date
FROM (
    SELECT
        t.net_revenue,
        t.purchase_date,
        coalesce(u.gender, 'unknown') AS gender,
        CASE
            WHEN u.age IS NULL THEN 'unknown'
            WHEN u.age < 25 THEN '18-24'
            WHEN u.age < 35 THEN '25-34'
            WHEN u.age < 45 THEN '35-44'
            WHEN u.age < 55 THEN '45-54'
            ELSE '55+'
        END AS age_band
    FROM touched_purchases AS t
    LEFT JOIN (
        SELECT
            upper(trim(BOTH ' ' FROM x.user_id)) AS user_id,
            min(nullif(lower(trim(BOTH ' ' FROM x.gender)), '')) AS gender,
            min(CASE WHEN regexp_extract(trim(BOTH ' ' FROM x.age), '^[0-9]{1,3}$', 0) = trim(BOTH ' ' FROM x.age)
                THEN CAST(trim(BOTH ' ' FROM x.age) AS INT) END) AS age
        FROM users AS x
        GROUP BY upper(trim(BOTH ' ' FROM x.user_id))
    ) AS u
        ON u.user_id = t.user_id
) AS s
GROUP BY s.purchase_date, s.gender, s.age_band
