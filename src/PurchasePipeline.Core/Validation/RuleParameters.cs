namespace PurchasePipeline.Core.Validation;

/// <summary>
/// The parameters of a data-quality rule: every <c>?</c> of its SQL is the job run id
/// (glue/validation/README.md), so the run id is passed once per <c>?</c> outside string literals,
/// quoted identifiers and comments.
/// </summary>
public static class RuleParameters
{
    /// <summary>The run id, once for each placeholder of the rule.</summary>
    public static IReadOnlyList<string> For(string sql, string jobRunId) =>
        [.. Enumerable.Repeat(jobRunId, Count(sql))];

    /// <summary>How many <c>?</c> placeholders the SQL has.</summary>
    public static int Count(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var count = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            switch (sql[i])
            {
                case '\'' or '"':
                    i = sql.IndexOf(sql[i], i + 1) is var end and >= 0 ? end : sql.Length;
                    break;
                case '-' when i + 1 < sql.Length && sql[i + 1] == '-':
                    i = sql.IndexOf('\n', i) is var eol and >= 0 ? eol : sql.Length;
                    break;
                case '?':
                    count++;
                    break;
            }
        }

        return count;
    }
}
