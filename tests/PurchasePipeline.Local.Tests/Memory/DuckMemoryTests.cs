using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Memory;

/// <summary>Every DuckDB database that reads the lake holds at most the memory limit and spills under HOME/tmp/duckdb.</summary>
public sealed class DuckMemoryTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalHome home;

    public DuckMemoryTests() => home = new LocalHome(temp.Path);

    private string SpillRoot => Path.Combine(home.Temp, "duckdb");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Open_TableBeyondTheLimit_SpillsUnderTheHomeAndDeletesTheFolderWhenClosed()
    {
        string spill;
        using (var connection = new DuckMemory(home, "64MB").Open())
        {
            spill = connection.Query("SELECT current_setting('temp_directory')", r => r.GetString(0)).Single();
            // About 100 MB of text: an in-memory table beyond the limit lives in the spill folder.
            connection.Execute("CREATE TABLE big AS SELECT range AS n, md5(CAST(range AS VARCHAR)) || md5(CAST(-range AS VARCHAR)) AS text FROM range(1500000)");

            Assert.Equal(1_500_000, connection.ScalarLong("SELECT count(DISTINCT text) FROM big"));
            Assert.Equal(SpillRoot, Path.GetDirectoryName(spill));
            Assert.NotEmpty(Directory.GetFiles(spill));
        }

        Assert.False(Directory.Exists(spill));
    }

    [Fact]
    public void Open_FoldersOfAProcessThatIsGone_DeletesThemAndKeepsTheLiveOnes()
    {
        var self = ExecutionOwner.Current;
        // The same process id with another start time: the id was reused, the process that spilled there is gone.
        var gone = Directory.CreateDirectory(Path.Combine(SpillRoot, $"{self.ProcessId}-{self.ProcessStartedAt.AddMinutes(-5).ToUnixTimeMilliseconds()}-1")).FullName;
        var live = Directory.CreateDirectory(Path.Combine(SpillRoot, $"{self.ProcessId}-{self.ProcessStartedAt.ToUnixTimeMilliseconds()}-0")).FullName;
        File.WriteAllText(Path.Combine(gone, "duckdb_temp_storage-0.tmp"), "spilled");

        using (new DuckMemory(home).Open())
        {
            Assert.False(Directory.Exists(gone));
            Assert.True(Directory.Exists(live));
        }
    }
}
