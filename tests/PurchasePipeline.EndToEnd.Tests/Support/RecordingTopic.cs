using System.Text.Json.Nodes;
using PurchasePipeline.States;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>
/// Stands behind the mock config for the states a test case does not mock: sns:publish is recorded and
/// answered like SNS; any other resource fails, so an unexpected task call shows in the outcome.
/// </summary>
internal sealed class RecordingTopic : ITaskInvoker
{
    private readonly List<JsonObject> published = [];

    /// <summary>The Parameters of every sns:publish (TopicArn, Subject, Message).</summary>
    public IReadOnlyList<JsonObject> Published
    {
        get
        {
            lock (published)
            {
                return [.. published];
            }
        }
    }

    /// <summary>The one published message, parsed.</summary>
    public JsonObject SingleMessage => JsonNode.Parse((string)Assert.Single(Published)["Message"]!)!.AsObject();

    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Resource != "arn:aws:states:::sns:publish")
        {
            throw new TaskFailedException("States.TaskFailed", $"{invocation.StateName} ({invocation.Resource}) is not mocked");
        }

        lock (published)
        {
            published.Add(invocation.Parameters!.DeepClone().AsObject());
        }

        return ValueTask.FromResult<JsonNode?>(new JsonObject { ["MessageId"] = "00000000-0000-0000-0000-000000000001" });
    }
}
