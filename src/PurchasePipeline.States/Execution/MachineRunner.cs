using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// Runs a machine (the top level, a Parallel branch or a Map iteration) from its StartAt to a state
/// that ends it; an error no state handles escapes as a <see cref="StatesError"/>.
/// </summary>
internal sealed partial class MachineRunner
{
    private readonly ExecutionRun run;

    public MachineRunner(ExecutionRun run)
    {
        this.run = run;
    }

    public Task<JsonNode?> RunAsync(MachineDefinition machine, JsonNode? input, CancellationToken cancellationToken) =>
        RunAsync(machine, machine.StartAt, input, cancellationToken);

    /// <summary>Runs from <paramref name="startAt"/> (StartAt, or where a redrive continues).</summary>
    public async Task<JsonNode?> RunAsync(MachineDefinition machine, string startAt, JsonNode? input, CancellationToken cancellationToken)
    {
        var name = startAt;
        var current = input;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = await RunStateAsync(machine.States[name], current, cancellationToken).ConfigureAwait(false);
            if (step.Next is null)
            {
                return step.Output;
            }

            name = step.Next;
            current = step.Output;
        }
    }

    private async Task<StateStep> RunStateAsync(StateDefinition state, JsonNode? input, CancellationToken cancellationToken)
    {
        run.CountTransition();
        var visit = new StateVisit(state.Name, run.Time.GetUtcNow(), 0);
        run.Emit(HistoryEventType.StateEntered, state.Name, input);
        var step = state switch
        {
            PassState pass => RunPass(pass, input, visit),
            ChoiceState choice => RunChoice(choice, input, visit),
            WaitState wait => await RunWaitAsync(wait, input, visit, cancellationToken).ConfigureAwait(false),
            SucceedState succeed => RunSucceed(succeed, input, visit),
            FailState fail => throw Fail(fail, input, visit),
            ExecutingState executing => await RunWithErrorHandlingAsync(executing, input, visit, cancellationToken).ConfigureAwait(false),
            _ => throw new StatesError(ErrorNames.Runtime, $"state '{state.Name}' has an unknown type"),
        };
        PayloadLimit.Check(step.Output, $"The output of state '{state.Name}'");
        run.Emit(HistoryEventType.StateExited, state.Name, step.Output);
        return step;
    }

    private StateStep RunPass(PassState state, JsonNode? input, StateVisit visit)
    {
        var context = run.Context(visit);
        var effective = DataFlow.ApplyInputPath(state.InputPath, input, context);
        if (state.Parameters is { } parameters)
        {
            effective = DataFlow.Evaluate(parameters, effective, context);
        }

        var result = state.HasResult ? JsonValues.Copy(state.Result) : effective;
        var output = DataFlow.ApplyOutputPath(state.OutputPath, DataFlow.ApplyResultPath(state.ResultPath, input, result), context);
        return new StateStep(output, state.Next);
    }

    private StateStep RunChoice(ChoiceState state, JsonNode? input, StateVisit visit)
    {
        var context = run.Context(visit);
        var effective = DataFlow.ApplyInputPath(state.InputPath, input, context);
        var next = state.Choices.FirstOrDefault(branch => ChoiceEvaluator.Matches(branch.Rule, effective, context))?.Next
            ?? state.Default
            ?? throw new StatesError(ErrorNames.NoChoiceMatched, $"No Matches! The choice state '{state.Name}' matched none of its rules and has no Default.");
        return new StateStep(DataFlow.ApplyOutputPath(state.OutputPath, effective, context), next);
    }

    private StateStep RunSucceed(SucceedState state, JsonNode? input, StateVisit visit)
    {
        var context = run.Context(visit);
        var effective = DataFlow.ApplyInputPath(state.InputPath, input, context);
        return new StateStep(DataFlow.ApplyOutputPath(state.OutputPath, effective, context), null);
    }

    private StatesError Fail(FailState state, JsonNode? input, StateVisit visit)
    {
        var context = run.Context(visit);
        var error = state.ErrorPath is { } errorPath ? ReadString(errorPath, input, context, state.Name) : state.Error;
        var cause = state.CausePath is { } causePath ? ReadString(causePath, input, context, state.Name) : state.Cause;
        return new StatesError(error ?? string.Empty, cause);
    }

    /// <summary>An ErrorPath or CausePath value, which must be a string.</summary>
    private static string ReadString(TemplateNode source, JsonNode? input, JsonNode context, string stateName)
    {
        JsonNode? value;
        try
        {
            value = DataFlow.Evaluate(source, input, context);
        }
        catch (StatesError e) when (e.Error == ErrorNames.ParameterPathFailure)
        {
            throw new StatesError(ErrorNames.Runtime, e.Cause);
        }

        return JsonValues.TryGetString(value, out var text)
            ? text
            : throw new StatesError(ErrorNames.Runtime, $"The Fail state '{stateName}' needs a string from its ErrorPath or CausePath, not {JsonValues.TypeName(value)}");
    }
}

/// <summary>A state's output and the state that comes next (null when the machine ends).</summary>
internal sealed record StateStep(JsonNode? Output, string? Next);
