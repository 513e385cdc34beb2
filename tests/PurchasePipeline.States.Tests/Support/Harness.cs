using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Tests.Support;

/// <summary>Parses a definition and runs it once, with a recording listener.</summary>
internal static class Harness
{
    public static async Task<Outcome> RunAsync(
        string definition,
        string input = "{}",
        ScriptedTaskInvoker? tasks = null,
        TimeProvider? time = null,
        double waitScale = 1,
        CancellationToken cancellationToken = default)
    {
        tasks ??= new ScriptedTaskInvoker();
        var listener = new RecordingListener();
        var engine = new ExecutionEngine(time ?? new VirtualClock(), new EngineOptions { WaitScale = waitScale });
        var result = await engine.RunAsync(StateMachine.Parse(definition), JsonNode.Parse(input), tasks, Some.Info, listener, cancellationToken);
        return new Outcome(result, listener, tasks);
    }

    /// <summary>A machine of one state named <paramref name="name"/>, given as the state's JSON object.</summary>
    public static string OneState(string stateJson, string name = "S") =>
        $$"""{ "StartAt": "{{name}}", "States": { "{{name}}": {{stateJson}} } }""";
}

/// <summary>How an execution ended, what it reported and what it asked of its tasks.</summary>
internal sealed record Outcome(ExecutionResult Result, RecordingListener Listener, ScriptedTaskInvoker Tasks)
{
    public JsonNode? Output => Result.Output;

    public void AssertSucceeded(string expectedOutputJson)
    {
        Assert.True(Result.Status == ExecutionStatus.Succeeded, $"{Result.Status}: {Result.Error}: {Result.Cause}");
        JsonAssert.Equal(expectedOutputJson, Result.Output);
    }

    public void AssertFailed(string error, string? causeContains = null)
    {
        Assert.True(Result.Status == ExecutionStatus.Failed, $"{Result.Status}: {Result.Output?.ToJsonString()}");
        Assert.Equal(error, Result.Error);
        if (causeContains is not null)
        {
            Assert.Contains(causeContains, Result.Cause, StringComparison.Ordinal);
        }
    }

    /// <summary>The names of the states entered, in order.</summary>
    public IReadOnlyList<string?> StatesEntered => Listener.OfType(HistoryEventType.StateEntered).Select(e => e.StateName).ToList();
}
