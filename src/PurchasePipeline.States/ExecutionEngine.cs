using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.States.Execution;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States;

/// <summary>
/// Runs state machines locally, as Step Functions runs a Standard workflow: every Wait, Retry and
/// timeout is on <paramref name="time"/>, and Wait and Retry delays are scaled by
/// <see cref="EngineOptions.WaitScale"/>.
/// </summary>
/// <param name="time">The clock and timers of every delay and timestamp.</param>
/// <param name="options">How executions run; defaults when null.</param>
public sealed class ExecutionEngine(TimeProvider time, EngineOptions? options = null)
{
    private readonly EngineOptions options = options ?? new EngineOptions();

    /// <summary>Runs one execution to its end.</summary>
    /// <returns>
    /// Succeeded with the output; Failed or TimedOut (States.Timeout, the definition's TimeoutSeconds)
    /// with the error and cause; Aborted when <paramref name="cancellationToken"/> is cancelled.
    /// </returns>
    /// <remarks>An execution that fails is a result, never an exception.</remarks>
    public async Task<ExecutionResult> RunAsync(StateMachine machine, JsonNode? input, ITaskInvoker tasks, ExecutionInfo info, IExecutionListener? listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(info);
        var run = new ExecutionRun(time, options, tasks, info, listener, JsonValues.Copy(input));
        run.Emit(HistoryEventType.ExecutionStarted, null, input);
        return await RunToEndAsync(machine, run, machine.StartAt, input, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Redrives an execution that failed, timed out or was aborted: from <paramref name="from"/> (see
    /// <see cref="RedrivePoint.Of"/>) with the execution's same <paramref name="input"/> ($$.Execution.Input),
    /// after an <see cref="HistoryEventType.ExecutionRedriven"/> event. The states that succeeded before do
    /// not run again. The definition's TimeoutSeconds counts from the redrive.
    /// </summary>
    /// <returns>As <see cref="RunAsync"/>, with the transitions of this redrive only.</returns>
    public async Task<ExecutionResult> RedriveAsync(StateMachine machine, JsonNode? input, RedrivePoint from, ITaskInvoker tasks, ExecutionInfo info, IExecutionListener? listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(info);
        if (!machine.StateNames.Contains(from.StateName))
        {
            throw new ArgumentException($"'{from.StateName}' is not a top-level state of the definition", nameof(from));
        }

        var run = new ExecutionRun(time, options, tasks, info, listener, JsonValues.Copy(input));
        run.Emit(HistoryEventType.ExecutionRedriven, null);
        return await RunToEndAsync(machine, run, from.StateName, from.Input, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExecutionResult> RunToEndAsync(StateMachine machine, ExecutionRun run, string startAt, JsonNode? input, CancellationToken cancellationToken)
    {
        using var timeout = machine.Timeout is { } limit ? new CancellationTokenSource(limit, time) : null;
        using var linked = timeout is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            PayloadLimit.Check(input, "The execution input");
            var output = await new MachineRunner(run).RunAsync(machine.Definition, startAt, JsonValues.Copy(input), linked.Token).ConfigureAwait(false);
            run.Emit(HistoryEventType.ExecutionSucceeded, null, output);
            return new ExecutionResult(ExecutionStatus.Succeeded, output, null, null, run.Transitions);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or StatesError)
        {
            run.Emit(HistoryEventType.ExecutionAborted, null);
            return new ExecutionResult(ExecutionStatus.Aborted, null, null, null, run.Transitions);
        }
        catch (Exception e) when (timeout?.IsCancellationRequested == true && e is OperationCanceledException or StatesError)
        {
            var cause = string.Create(CultureInfo.InvariantCulture, $"The execution ran longer than its TimeoutSeconds ({machine.Timeout!.Value.TotalSeconds})");
            run.Emit(HistoryEventType.ExecutionTimedOut, null, error: ErrorNames.Timeout, cause: cause);
            return new ExecutionResult(ExecutionStatus.TimedOut, null, ErrorNames.Timeout, cause, run.Transitions);
        }
        catch (StatesError e)
        {
            return Failed(run, e.Error.Length == 0 ? null : e.Error, e.Cause);
        }
#pragma warning disable CA1031 // An engine fault fails the execution with States.Runtime rather than crash its host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(run, ErrorNames.Runtime, e.Message);
        }
    }

    private static ExecutionResult Failed(ExecutionRun run, string? error, string? cause)
    {
        run.Emit(HistoryEventType.ExecutionFailed, null, error: error, cause: cause);
        return new ExecutionResult(ExecutionStatus.Failed, null, error, cause, run.Transitions);
    }
}
