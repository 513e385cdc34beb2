using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>Checks one state: its Type, its fields, Next/End and each type's rules. Returns the transitions it makes.</summary>
internal static partial class StateChecker
{
    private static readonly string[] InputOutputFields = ["InputPath", "OutputPath"];
    private static readonly string[] TemplateFields = ["Parameters", "ResultSelector", "Credentials", "Assign"];

    public static List<Transition> Check(FieldChecks checks, JsonElement state, string path)
    {
        var transitions = new List<Transition>();
        if (state.ValueKind != JsonValueKind.Object)
        {
            checks.Report(path, "a state must be an object, got " + JsonText.KindOf(state));
            return transitions;
        }

        var type = checks.String(state, path, "Type", required: true);
        if (type is null || !StateFields.IsType(type))
        {
            if (type is not null)
            {
                checks.Report(PathText.Child(path, "Type"), $"must be one of {FieldChecks.Alternatives(StateFields.Types)}, got '{type}'");
            }

            // Follow Next anyway, so the states after a mistyped one are not also reported unreachable.
            if (state.TryGetProperty("Next", out var next) && next.ValueKind == JsonValueKind.String)
            {
                transitions.Add(new Transition(next.GetString()!, PathText.Child(path, "Next")));
            }

            return transitions;
        }

        CheckFields(checks, state, path, type);
        QueryLanguage(checks, state, path);
        checks.String(state, path, "Comment");
        if (StateFields.HasFlow(type))
        {
            NextOrEnd(checks, state, path, transitions);
        }

        CheckDataFields(checks, state, path, type);
        switch (type)
        {
            case "Task":
                CheckTask(checks, state, path, transitions);
                break;
            case "Choice":
                ChoiceRuleChecker.CheckChoices(checks, state, path, transitions);
                break;
            case "Wait":
                CheckWait(checks, state, path);
                break;
            case "Fail":
                CheckFail(checks, state, path);
                break;
            case "Parallel":
                CheckParallel(checks, state, path, transitions);
                break;
            case "Map":
                CheckMap(checks, state, path, transitions);
                break;
        }

        return transitions;
    }

    /// <summary>QueryLanguage of a machine or state: only JSONPath runs here.</summary>
    public static void QueryLanguage(FieldChecks checks, JsonElement obj, string path)
    {
        var language = checks.String(obj, path, "QueryLanguage");
        if (language is null or StateFields.JsonPath)
        {
            return;
        }

        checks.Report(
            PathText.Child(path, "QueryLanguage"),
            language == StateFields.JsonAta
                ? "JSONata is not supported; the embedded engine runs JSONPath state machines only"
                : $"must be JSONPath or JSONata, got '{language}'");
    }

    private static void CheckFields(FieldChecks checks, JsonElement state, string path, string type)
    {
        foreach (var property in state.EnumerateObject().Where(p => !StateFields.Allows(type, p.Name)))
        {
            var message = StateFields.JsonAtaOnly.Contains(property.Name)
                ? $"unknown field for a {type} state ({property.Name} belongs to JSONata states)"
                : property.Name is "Next" or "End"
                    ? $"a {type} state has no {property.Name}"
                    : $"unknown field for a {type} state";
            checks.Report(PathText.Child(path, property.Name), message);
        }
    }

    private static void NextOrEnd(FieldChecks checks, JsonElement state, string path, List<Transition> transitions)
    {
        checks.Boolean(state, path, "End");
        var next = checks.String(state, path, "Next");
        var end = state.TryGetProperty("End", out var endValue) && endValue.ValueKind == JsonValueKind.True;
        var hasNext = state.TryGetProperty("Next", out _);
        if (hasNext && end)
        {
            checks.Report(path, "has both Next and End; give exactly one");
        }
        else if (!hasNext && !end)
        {
            checks.Report(path, "needs Next or \"End\": true");
        }

        if (next is not null)
        {
            transitions.Add(new Transition(next, PathText.Child(path, "Next")));
        }
    }

    // InputPath, OutputPath, ResultPath and the payload templates, where the type has them.
    private static void CheckDataFields(FieldChecks checks, JsonElement state, string path, string type)
    {
        foreach (var field in InputOutputFields.Where(f => StateFields.Allows(type, f)))
        {
            checks.Path(state, path, field, reference: false, nullable: true);
        }

        if (StateFields.Allows(type, "ResultPath"))
        {
            checks.Path(state, path, "ResultPath", reference: true, nullable: true, allowVariables: false);
        }

        foreach (var field in TemplateFields.Where(f => StateFields.Allows(type, f)))
        {
            PayloadTemplateChecker.Check(checks, state, path, field);
        }
    }
}
