using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.States;
using PurchasePipeline.States.Mocks;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>
/// Runs the real definition on the engine API with one test case of Fixtures/purchase-pipeline.mock.json,
/// at full wait scale on an <see cref="InstantClock"/>, recording history, task calls and alerts.
/// </summary>
internal static class MockedPipeline
{
    public static async Task<MockedRun> RunAsync(string testCase, JsonNode? input = null, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var text = PipelineDefinition.Text(overrides);
        var clock = new InstantClock(CliHarness.Now, Deadlines(JsonNode.Parse(text)));
        var topic = new RecordingTopic();
        var mocks = MockConfig.Parse(await File.ReadAllTextAsync(Fixtures.MockConfig)).CreateInvoker(LocalSettings.StateMachineName, testCase, topic);
        var tasks = new CountingInvoker(mocks);
        var history = new RecordingListener();
        var name = "mocked-" + testCase;
        var info = new ExecutionInfo(LocalSettings.ExecutionArn(name), name, LocalSettings.StateMachineArn, LocalSettings.StateMachineName);
        var result = await new ExecutionEngine(clock).RunAsync(
            States.StateMachine.Parse(text), input ?? Fixtures.Read(Fixtures.ObjectCreatedEvent), tasks, info, history, CancellationToken.None);
        return new MockedRun(result, info, history, tasks, topic, clock);
    }

    /// <summary>Every TimeoutSeconds of the definition (the execution's and each Task's).</summary>
    public static IEnumerable<TimeSpan> Deadlines(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "TimeoutSeconds" ? [TimeSpan.FromSeconds((int)p.Value!)] : Deadlines(p.Value)),
        JsonArray a => a.SelectMany(Deadlines),
        _ => [],
    };
}

/// <summary>One mocked execution: its result and what it did.</summary>
internal sealed record MockedRun(ExecutionResult Result, ExecutionInfo Info, RecordingListener History, CountingInvoker Tasks, RecordingTopic Topic, InstantClock Clock);
