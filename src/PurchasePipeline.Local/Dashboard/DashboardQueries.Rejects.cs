using PurchasePipeline.Local.Duck;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>Data quality: the rejected rows kept under lake/rejected, by reason.</summary>
internal sealed partial class DashboardQueries
{
    private List<RejectCount> RejectsByReason() => connection.Query(
        """
        SELECT coalesce(reject_reason, 'unknown') AS reason, count(*) AS row_count
        FROM rejected_purchases
        GROUP BY reason
        ORDER BY row_count DESC, reason
        """,
        r => new RejectCount(r.GetString(0), r.GetInt64(1)));
}
