using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>Where a set of states lives: the state machine itself, a Parallel branch or a Map's item processor.</summary>
internal enum ScopeKind
{
    Machine,
    Branch,
    ItemProcessor,
    Iterator,
}

/// <summary>
/// Checks a state machine, Parallel branch or Map item processor: StartAt names one of its states, every
/// state is valid, every transition stays inside the scope, and every state is reachable from StartAt.
/// </summary>
internal static class ScopeChecker
{
    private const int MaxStateNameLength = 80;

    private static readonly Dictionary<ScopeKind, HashSet<string>> Fields = new()
    {
        [ScopeKind.Machine] = new(["StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"], StringComparer.Ordinal),
        [ScopeKind.Branch] = new(["StartAt", "States", "Comment"], StringComparer.Ordinal),
        [ScopeKind.ItemProcessor] = new(["StartAt", "States", "Comment", "ProcessorConfig"], StringComparer.Ordinal),
        [ScopeKind.Iterator] = new(["StartAt", "States", "Comment"], StringComparer.Ordinal),
    };

    public static void Check(FieldChecks checks, JsonElement scope, string path, ScopeKind kind)
    {
        if (scope.ValueKind != JsonValueKind.Object)
        {
            checks.Report(path, "must be an object with StartAt and States, got " + JsonText.KindOf(scope));
            return;
        }

        foreach (var property in scope.EnumerateObject().Where(p => !Fields[kind].Contains(p.Name)))
        {
            checks.Report(PathText.Child(path, property.Name), "unknown field for " + Describe(kind));
        }

        checks.String(scope, path, "Comment");
        CheckScopeSettings(checks, scope, path, kind);
        var startAt = checks.String(scope, path, "StartAt", required: true);
        var statesPath = PathText.Child(path, "States");
        if (!scope.TryGetProperty("States", out var states))
        {
            checks.Report(statesPath, "required");
            return;
        }

        if (states.ValueKind != JsonValueKind.Object || !states.EnumerateObject().Any())
        {
            checks.Report(statesPath, "must be an object with at least one state");
            return;
        }

        var edges = CheckStates(checks, states, statesPath);
        if (startAt is not null && !edges.ContainsKey(startAt))
        {
            checks.Report(PathText.Child(path, "StartAt"), $"'{startAt}' is not a state in {statesPath}");
        }

        foreach (var transition in edges.Values.SelectMany(t => t).Where(t => !edges.ContainsKey(t.Target)))
        {
            checks.Report(transition.Path, $"'{transition.Target}' is not a state in {statesPath}");
        }

        if (startAt is not null && edges.ContainsKey(startAt))
        {
            ReportUnreachable(checks, edges, startAt, statesPath);
        }
    }

    private static void CheckScopeSettings(FieldChecks checks, JsonElement scope, string path, ScopeKind kind)
    {
        if (kind == ScopeKind.Machine)
        {
            checks.String(scope, path, "Version");
            checks.PositiveInteger(scope, path, "TimeoutSeconds");
            StateChecker.QueryLanguage(checks, scope, path);
        }

        if (kind == ScopeKind.ItemProcessor && checks.Object(scope, path, "ProcessorConfig", out var config))
        {
            var configPath = PathText.Child(path, "ProcessorConfig");
            foreach (var property in config.EnumerateObject().Where(p => p.Name is not ("Mode" or "ExecutionType")))
            {
                checks.Report(PathText.Child(configPath, property.Name), "unknown field for ProcessorConfig");
            }

            checks.OneOf(config, configPath, "Mode", "INLINE", "DISTRIBUTED");
            checks.OneOf(config, configPath, "ExecutionType", "STANDARD", "EXPRESS");
        }
    }

    // Every state's transitions, by state name (in document order).
    private static Dictionary<string, List<Transition>> CheckStates(FieldChecks checks, JsonElement states, string statesPath)
    {
        var edges = new Dictionary<string, List<Transition>>(StringComparer.Ordinal);
        foreach (var state in states.EnumerateObject())
        {
            var statePath = PathText.Child(statesPath, state.Name);
            if (edges.ContainsKey(state.Name))
            {
                continue; // reported as a repeated field
            }

            if (!checks.TryRegisterStateName(state.Name, statePath, out var firstPath))
            {
                checks.Report(statePath, $"the name '{state.Name}' is already used at {firstPath}; state names are unique in the whole state machine");
            }

            if (state.Name.Length is 0 or > MaxStateNameLength)
            {
                checks.Report(statePath, $"a state name has 1 to {MaxStateNameLength} characters");
            }

            edges[state.Name] = StateChecker.Check(checks, state.Value, statePath);
        }

        return edges;
    }

    private static void ReportUnreachable(FieldChecks checks, Dictionary<string, List<Transition>> edges, string startAt, string statesPath)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Queue<string>([startAt]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var transition in edges[current].Where(t => edges.ContainsKey(t.Target) && reached.Add(t.Target)))
            {
                pending.Enqueue(transition.Target);
            }
        }

        foreach (var name in edges.Keys.Where(n => !reached.Contains(n)))
        {
            checks.Report(PathText.Child(statesPath, name), "unreachable: no transition from StartAt leads here");
        }
    }

    private static string Describe(ScopeKind kind) => kind switch
    {
        ScopeKind.Machine => "a state machine",
        ScopeKind.Branch => "a Parallel branch",
        ScopeKind.ItemProcessor => "an ItemProcessor",
        _ => "an Iterator",
    };
}

/// <summary>A reference from one state to another (Next, Default, a choice rule's or catcher's Next).</summary>
internal sealed record Transition(string Target, string Path);
