namespace PurchasePipeline.Local.Dashboard;

/// <summary>Data quality: the rejected rows kept under lake/rejected, by reason.</summary>
internal sealed partial class DashboardQueries
{
    private async Task<IReadOnlyList<RejectCount>> RejectsByReasonAsync(CancellationToken cancellationToken)
    {
        if (LakeTable.Find(home.RejectedPurchases) is not { } table)
        {
            return [];
        }

        return await QueryAsync(
            $"""
            SELECT coalesce(reject_reason, 'unknown') AS reason, count(*) AS row_count
            FROM {table.Sql}
            GROUP BY reason
            ORDER BY row_count DESC, reason
            """,
            r => new RejectCount(r.GetString(0), r.GetInt64(1)),
            cancellationToken).ConfigureAwait(false);
    }
}
