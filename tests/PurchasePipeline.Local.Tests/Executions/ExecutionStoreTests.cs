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

    /// <summary>RedriveExecution's rules (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html).</summary>
    [Theory]
    [InlineData("RUNNING", 0, 10, 1, "Execution is RUNNING and cannot be redriven")]
    [InlineData("SUCCEEDED", 0, 10, 1, "Execution is SUCCEEDED and cannot be redriven")]
    [InlineData("FAILED", 0, 10, 15, "Execution redrivable period exceeded")]
    [InlineData("FAILED", 1000, 10, 1, "Execution was redriven the maximum 1000 times")]
    [InlineData("ABORTED", 0, 24_999, 1, "Execution history event limit exceeded")]
    [InlineData("TIMED_OUT", 0, 0, 1, "its history was not recorded")]
    public void WhyNotRedrivable_OutsideTheRules_SaysWhy(string status, int redrives, int events, int daysSinceEnd, string reason)
    {
        var stopped = DateTimeOffset.UnixEpoch.AddHours(1);
        var execution = new ExecutionRecord("arn:1", "one", "sm", status, DateTimeOffset.UnixEpoch, stopped, Input, null, null, null, 3) { RedriveCount = redrives };

        Assert.StartsWith(reason, ExecutionStore.WhyNotRedrivable(execution, events, stopped.AddDays(daysSinceEnd)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("TIMED_OUT")]
    [InlineData("ABORTED")]
    public void WhyNotRedrivable_UnsuccessfulWithinFourteenDays_IsRedrivable(string status)
    {
        var stopped = DateTimeOffset.UnixEpoch.AddHours(1);
        var execution = new ExecutionRecord("arn:1", "one", "sm", status, DateTimeOffset.UnixEpoch, stopped, Input, null, null, null, 3) { RedriveCount = 999 };

        Assert.Null(ExecutionStore.WhyNotRedrivable(execution, 24_998, stopped.AddDays(14)));
    }

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
        // The alert rule's message (statemachine/alert-rule.json) for the ABORTED status change: the object is in the input.
        Assert.Equal(("ABORTED", ExecutionStore.ProcessLostError), ((string?)message["status"], (string?)message["error"]));
        Assert.Equal("raw/2026/11/25/a.csv", (string?)JsonNode.Parse((string)message["input"]!)!["detail"]!["object"]!["key"]);
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
