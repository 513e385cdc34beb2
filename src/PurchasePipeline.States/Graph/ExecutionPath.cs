namespace PurchasePipeline.States.Graph;

/// <summary>The path an execution took through its graph: the states it entered (how often), the transitions it took, where it failed.</summary>
public sealed class ExecutionPath
{
    private readonly HashSet<(string From, string To)> taken;

    private ExecutionPath(IReadOnlyDictionary<string, int> visits, HashSet<(string, string)> taken, string? failedState)
    {
        Visits = visits;
        this.taken = taken;
        FailedState = failedState;
    }

    /// <summary>How many times each visited state was entered (a polled Wait, for example, more than once).</summary>
    public IReadOnlyDictionary<string, int> Visits { get; }

    /// <summary>The state the execution failed in (the last it entered), or null when it did not fail.</summary>
    public string? FailedState { get; }

    /// <summary>The path of the states entered, in order, of an execution that failed (or not).</summary>
    /// <param name="enteredStates">The StateEntered events' state names, in history order.</param>
    /// <param name="failed">Whether the execution ended FAILED, TIMED_OUT or ABORTED.</param>
    public static ExecutionPath Of(IReadOnlyList<string> enteredStates, bool failed)
    {
        ArgumentNullException.ThrowIfNull(enteredStates);
        var visits = enteredStates.GroupBy(name => name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var taken = enteredStates.Zip(enteredStates.Skip(1)).ToHashSet();
        return new ExecutionPath(visits, taken, failed && enteredStates.Count > 0 ? enteredStates[^1] : null);
    }

    /// <summary>Whether the execution went from one state straight to the other.</summary>
    public bool Took(string fromState, string toState) => taken.Contains((fromState, toState));
}
