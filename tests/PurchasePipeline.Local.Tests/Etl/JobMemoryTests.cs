using PurchasePipeline.Functions;
using PurchasePipeline.Core.Schema;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Etl;

/// <summary>The job's DuckDB holds at most its memory limit and spills the rest under the home's tmp/ folder.</summary>
public sealed class JobMemoryTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public JobMemoryTests() => home = new LocalHome(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_WithMemoryLimit_SetsItAndSpillsUnderTheHomesTempFolderWhichItDeletes()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var reported = new List<string>();

        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { MemoryLimit = "64MB", Progress = new CallbackProgress(reported.Add) });

        // DuckDB reads "64MB" as 64,000,000 bytes and shows it in MiB.
        var spills = Path.Combine(home.Temp, "duckdb") + Path.DirectorySeparatorChar;
        Assert.Single(reported, line => line.StartsWith($"{manifest.RunId}: DuckDB memory limit 61.0 MiB, spilling to {spills}", StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(spills));
    }

    [Fact]
    public void Run_LimitTooSmallToReadAnObject_FailsNamingTheLimitAndTheVariableInsteadOfQuarantiningIt()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));

        // DuckDB's CSV reader takes a 32 MiB buffer: an object cannot be read in 8 MB, whatever it holds.
        var error = Assert.Throws<MemoryLimitExceededException>(() => new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { MemoryLimit = "8MB" }));

        Assert.StartsWith($"the job ran out of its DuckDB memory limit 8MB: raise {DuckMemory.LimitVariable} ", error.Message, StringComparison.Ordinal);
        Assert.Contains("DuckDB: Out of Memory Error", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(new BookmarkStore(home.Bookmarks, LocalEtlJob.JobName).Load().Objects);
        Assert.False(Directory.Exists(home.CleanPurchases));
    }

    [Fact]
    public void Run_Succeeding_ReportsTheAuditBetweenTheStagedWriteAndTheCommit()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var reported = new List<string>();

        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { Progress = new CallbackProgress(reported.Add) });

        var rules = new ValidationRuleFiles().Rules.Count;
        var audited = reported.IndexOf($"{manifest.RunId}: audited the staged run: {rules} rule(s) passed");
        Assert.InRange(audited, reported.IndexOf("wrote clean, rejected and aggregate parquet to staging") + 1, reported.FindIndex(line => line.Contains(": committed ", StringComparison.Ordinal)) - 1);
        Assert.Contains($"{manifest.RunId}: read 1 object(s) into typed_purchases", reported);
    }

    [Fact]
    public void Run_NoLimitGiven_UsesTheDefault()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));
        var reported = new List<string>();

        new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { Progress = new CallbackProgress(reported.Add) });

        // 1GB: 1,000,000,000 bytes.
        Assert.Single(reported, line => line.Contains("DuckDB memory limit 953.6 MiB", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_LimitDuckDbCannotRead_FailsNamingTheVariable()
    {
        Some.Land(home, "raw/2024/05/01/a.csv", Some.Csv([Some.Row(1)]));

        var error = Assert.Throws<ArgumentException>(() => new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { MemoryLimit = "lots" }));

        Assert.StartsWith($"memory limit lots (${DuckMemory.LimitVariable}): ", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(home.CleanPurchases));
    }

    /// <summary>
    /// 300,000 rows in two objects hold far more than 160 MB as the job materialises them (the batch, its clean rows,
    /// the de-duplication window, the sort of rejected rows): the run completes only if DuckDB spills.
    /// </summary>
    [Fact]
    public void Run_TinyMemoryLimitOnABigBatch_CompletesWithExactCounts()
    {
        const int RowsPerObject = 150_000;
        var (clean, rejected, duplicates) = (0, 0, 0);
        foreach (var (key, first) in new[] { ("raw/2024/05/01/a.csv", 0), ("raw/2024/05/02/b.csv", RowsPerObject) })
        {
            var rows = new List<Dictionary<string, string>>();
            for (var n = first; n < first + RowsPerObject; n++)
            {
                if (n % 50 == 7)
                {
                    rows.Add(Some.Row(n).With("cost_price", "n/a"));
                    rejected++;
                }
                else if (n % 20 == 3)
                {
                    rows.Add(Some.Row(n - 1));
                    duplicates++;
                }
                else
                {
                    rows.Add(Some.Row(n));
                    clean++;
                }
            }

            Some.Land(home, key, Some.Csv(rows));
        }

        var manifest = new LocalEtlJob(home, TimeProvider.System, new ValidationRuleFiles()).Run(new EtlRunOptions { MemoryLimit = "160MB" });

        Assert.Equal((2 * RowsPerObject, clean, rejected, duplicates), (manifest.RowsIn, manifest.RowsClean, manifest.RowsRejected, manifest.RowsDeduplicated));
        Assert.Equal(clean, LakeQuery.Long(home, "SELECT count(DISTINCT purchase_id) FROM clean_purchases"));
        Assert.Equal(rejected, manifest.RejectedByReason[RejectReason.InvalidCostPrice]);

        // Each object's records are numbered in file order, whatever order DuckDB spills and reads them back in:
        // Some.Row(n) is user USI_n on record n + 1 of a.csv and record n + 1 - 150,000 of b.csv.
        Assert.Equal(0, LakeQuery.Long(home, $"""
            SELECT count(*) FROM clean_purchases
            WHERE CAST(substr(user_id, 5) AS BIGINT) + 1 - CASE WHEN source_file LIKE '%b.csv' THEN {RowsPerObject} ELSE 0 END <> source_row
            """));
    }
}
