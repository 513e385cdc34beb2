using System.Diagnostics;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Local.Tests.Executions;

/// <summary>The store closes executions whose process is gone, and only those (issue 9, finding 2).</summary>
public sealed class ExecutionStoreTests : IDisposable
{
    private const string Input = """{"detail":{"bucket":{"name":"b"},"object":{"key":"raw/2026/11/25/a.csv","etag":"e1"}}}""";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LocalHome Home => new(temp.Path);

    [Fact]
    public async Task List_RunningExecutionOfAProcessThatEnded_ClosedAbortedWithCauseAndAlert()
    {
        var store = new ExecutionStore(Home);
        store.Start("arn:1", "one", "sm", Input, DateTimeOffset.UnixEpoch);
        await OwnAsync("arn:1", await EndedProcessIdAsync());

        var execution = Assert.Single(store.List());

        Assert.Equal("ABORTED", execution.Status);
        Assert.Equal(ExecutionStore.ProcessLostError, execution.Error);
        Assert.Contains("killed or crashed", execution.Cause, StringComparison.Ordinal);
        var alert = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(Home.Root, "alerts")))))!;
        var message = JsonNode.Parse((string)alert["message"]!)!;
        Assert.Equal("arn:1", (string?)message["execution"]);
        Assert.Equal("raw/2026/11/25/a.csv", (string?)message["key"]);
        Assert.Empty(store.HandledObjects());
    }

    [Fact]
    public void List_RunningExecutionOfThisProcess_StaysRunning()
    {
        var store = new ExecutionStore(Home);
        store.Start("arn:1", "one", "sm", Input, DateTimeOffset.UnixEpoch);

        var execution = Assert.Single(store.List());

        Assert.Equal("RUNNING", execution.Status);
        Assert.False(Directory.Exists(Path.Combine(Home.Root, "alerts")));
        Assert.True(store.HandledObjects()[("raw/2026/11/25/a.csv", "e1")]);
    }

    /// <summary>Process ids are reused (in a container, the next CLI run may get the same one): the start time tells them apart.</summary>
    [Fact]
    public void IsAlive_ThisProcessIdWithAnotherStartTime_IsFalse()
    {
        var earlier = ExecutionOwner.Current with { ProcessStartedAt = ExecutionOwner.Current.ProcessStartedAt.AddHours(-1) };

        Assert.True(ExecutionOwner.Current.IsAlive);
        Assert.False(earlier.IsAlive);
    }

    /// <summary>The id of a process that ran and was reaped.</summary>
    private static async Task<int> EndedProcessIdAsync()
    {
        using var process = Process.Start("true")!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private async Task OwnAsync(string executionId, int processId)
    {
        await using var connection = new DuckDBConnection("DataSource=" + Path.Combine(Home.Root, "executions.duckdb"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE executions SET owner_pid = $1 WHERE execution_id = $2";
        command.Parameters.Add(new DuckDBParameter(processId));
        command.Parameters.Add(new DuckDBParameter(executionId));
        await command.ExecuteNonQueryAsync();
    }
}
