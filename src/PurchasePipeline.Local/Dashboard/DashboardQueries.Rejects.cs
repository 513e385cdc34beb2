using PurchasePipeline.Local.Duck;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>Data quality: rejected rows by reason.</summary>
internal sealed partial class DashboardQueries
{
    public List<RejectCount> RejectsByReason() => connection.Query(
        """
        SELECT coalesce(reject_reason, 'unknown') AS reason, count(*) AS row_count
        FROM rejected_purchases
        GROUP BY reason
        ORDER BY row_count DESC, reason
        """,
        r => new RejectCount(r.GetString(0), r.GetInt64(1)));
}
