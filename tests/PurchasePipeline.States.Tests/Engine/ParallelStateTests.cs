using System.Text.Json.Nodes;
using PurchasePipeline.States.Tests.Support;

namespace PurchasePipeline.States.Tests.Engine;

/// <summary>The Parallel state, with the examples of https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html.</summary>
public sealed class ParallelStateTests
{
    private const string FunWithMath = """
        { "Comment": "Parallel Example.", "StartAt": "FunWithMath", "States": {
            "FunWithMath": { "Type": "Parallel", "End": true, "Branches": [
              { "StartAt": "Add", "States": { "Add": { "Type": "Task", "Resource": "arn:aws:swf:us-east-1:123456789012:task:Add", "End": true } } },
              { "StartAt": "Subtract", "States": { "Subtract": { "Type": "Task", "Resource": "arn:aws:swf:us-east-1:123456789012:task:Subtract", "End": true } } } ] } } }
        """;

    [Fact]
    public async Task RunAsync_FunWithMathExample_OutputsOneElementPerBranch()
    {
        // "If the FunWithMath state was given the array [3, 2] as input ... the output of the Parallel state would be [ 5, 1 ]".
        var tasks = new ScriptedTaskInvoker()
            .Answers("Add", i => i.Parameters![0]!.GetValue<int>() + i.Parameters[1]!.GetValue<int>())
            .Answers("Subtract", i => i.Parameters![0]!.GetValue<int>() - i.Parameters[1]!.GetValue<int>());

        var outcome = await Harness.RunAsync(FunWithMath, "[ 3, 2 ]", tasks);

        outcome.AssertSucceeded("[ 5, 1 ]");
        Assert.All(tasks.Invocations, i => JsonAssert.Equal("[ 3, 2 ]", i.Parameters));
    }

    [Fact]
    public async Task RunAsync_BranchFails_FailsTheParallelStateWithThatError()
    {
        // "If any branch fails ... the entire Parallel state is considered to have failed".
        var tasks = new ScriptedTaskInvoker().Returns("Add", "5").Fails("Subtract", "MathError", "negative");

        var outcome = await Harness.RunAsync(FunWithMath, "[ 3, 2 ]", tasks);

        outcome.AssertFailed("MathError");
        Assert.Equal("negative", outcome.Result.Cause);
    }

    [Fact]
    public async Task RunAsync_BranchFails_StopsTheOtherBranches()
    {
        var tasks = new ScriptedTaskInvoker().Hangs("Add").Add("Subtract", async (_, _) =>
        {
            await Task.Yield();
            throw new TaskFailedException("MathError", null);
        });

        var outcome = await Harness.RunAsync(FunWithMath, "[ 3, 2 ]", tasks).WaitAsync(TimeSpan.FromSeconds(10));

        outcome.AssertFailed("MathError");
    }

    [Fact]
    public async Task RunAsync_StoppedBranchReportsATaskError_TheFirstFailureStillCounts()
    {
        // Regression: an invoker that reports its cancellation as a task error must not replace the error that stopped it.
        var tasks = new ScriptedTaskInvoker()
            .Add("Add", async (_, cancellationToken) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }

                throw new TaskFailedException("Cancelled", "stopped by the engine");
            })
            .Add("Subtract", async (_, _) =>
            {
                await Task.Yield();
                throw new TaskFailedException("MathError", null);
            });

        var outcome = await Harness.RunAsync(FunWithMath, "[ 3, 2 ]", tasks).WaitAsync(TimeSpan.FromSeconds(10));

        outcome.AssertFailed("MathError");
    }

    [Fact]
    public async Task RunAsync_BranchEndsInFailState_IsCaughtByTheParallelCatch()
    {
        var definition = """
            { "StartAt": "P", "States": {
                "P": { "Type": "Parallel", "Next": "Done", "ResultPath": "$.results",
                       "Catch": [ { "ErrorEquals": [ "CustomError" ], "ResultPath": "$.error", "Next": "Recover" } ],
                       "Branches": [
                         { "StartAt": "Ok", "States": { "Ok": { "Type": "Pass", "End": true } } },
                         { "StartAt": "Bad", "States": { "Bad": { "Type": "Fail", "Error": "CustomError", "Cause": "branch two" } } } ] },
                "Recover": { "Type": "Pass", "End": true },
                "Done": { "Type": "Succeed" } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "id": 1 }""");

        outcome.AssertSucceeded("""{ "id": 1, "error": { "Error": "CustomError", "Cause": "branch two" } }""");
        Assert.Equal(["P", "Ok", "Bad", "Recover"], outcome.StatesEntered);
    }

    [Fact]
    public async Task RunAsync_ParallelRetry_RunsEveryBranchAgain()
    {
        var tasks = new ScriptedTaskInvoker().Fails("Subtract", "Flaky").Returns("Subtract", "1");
        var definition = FunWithMath.Replace("\"End\": true, \"Branches\"", "\"End\": true, \"Retry\": [ { \"ErrorEquals\": [ \"Flaky\" ] } ], \"Branches\"", StringComparison.Ordinal);

        var outcome = await Harness.RunAsync(definition, "[ 3, 2 ]", tasks, waitScale: 0);

        outcome.AssertSucceeded("[ [ 3, 2 ], 1 ]");
        Assert.Equal(2, tasks.Of("Add").Count);
    }

    [Fact]
    public async Task RunAsync_ParallelWithInputPathParametersAndResultSelector_ProcessesLikeATask()
    {
        var definition = """
            { "StartAt": "P", "States": { "P": { "Type": "Parallel", "End": true,
                "InputPath": "$.order", "Parameters": { "id.$": "$.id" },
                "ResultSelector": { "first.$": "$[0].id", "count.$": "States.ArrayLength($)" }, "ResultPath": "$.summary", "OutputPath": "$.summary",
                "Branches": [
                  { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } },
                  { "StartAt": "B", "States": { "B": { "Type": "Pass", "End": true } } } ] } } }
            """;

        var outcome = await Harness.RunAsync(definition, """{ "order": { "id": "o-7", "lines": 3 } }""");

        outcome.AssertSucceeded("""{ "first": "o-7", "count": 2 }""");
    }

    [Fact]
    public async Task RunAsync_Parallel_CountsEveryStateEnteredInItsBranches()
    {
        var outcome = await Harness.RunAsync(FunWithMath, "[ 3, 2 ]");

        Assert.Equal(3, outcome.Result.StateTransitions);
    }

    [Fact]
    public async Task RunAsync_BranchesWithBlockingTasks_RunConcurrently()
    {
        var bothRunning = new TaskCompletionSource();
        var running = 0;
        async Task<JsonNode?> MeetAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref running) == 2)
            {
                bothRunning.SetResult();
            }

            await bothRunning.Task.WaitAsync(cancellationToken);
            return invocation.StateName;
        }

        var tasks = new ScriptedTaskInvoker().Add("Add", MeetAsync).Add("Subtract", MeetAsync);

        var outcome = await Harness.RunAsync(FunWithMath, "[ 3, 2 ]", tasks).WaitAsync(TimeSpan.FromSeconds(10));

        outcome.AssertSucceeded("""[ "Add", "Subtract" ]""");
    }
}
