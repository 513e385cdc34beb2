namespace PurchasePipeline.States.Definition;

/// <summary>Every state must be reachable from StartAt, through Next, Choices, Default and Catch.</summary>
internal sealed partial class DefinitionReader
{
    private void ReportUnreachable(string startAt, Dictionary<string, StateDefinition> states, string statesPath)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Queue<string>([startAt]);
        while (pending.TryDequeue(out var name))
        {
            if (!states.TryGetValue(name, out var state))
            {
                continue;
            }

            foreach (var next in Successors(state).Where(reached.Add))
            {
                pending.Enqueue(next);
            }
        }

        foreach (var name in states.Keys.Where(name => !reached.Contains(name)))
        {
            Problem(Child(statesPath, name), $"state '{name}' is not reachable from StartAt");
        }
    }

    private static IEnumerable<string> Successors(StateDefinition state)
    {
        if (state.Next is { } next)
        {
            yield return next;
        }

        if (state is ChoiceState choice)
        {
            foreach (var branch in choice.Choices)
            {
                yield return branch.Next;
            }

            if (choice.Default is { } fallback)
            {
                yield return fallback;
            }
        }

        if (state is ExecutingState executing)
        {
            foreach (var catcher in executing.Catch)
            {
                yield return catcher.Next;
            }
        }
    }
}
