using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>
/// Static checks of an Amazon States Language definition (JSONPath), reporting every problem found with
/// its JSON path, e.g. "$.States.Wait.Seconds: must be a non-negative integer". The one rule set of the
/// language: <c>states validate</c> prints these problems and <see cref="StateMachine.Parse"/> throws them.
/// </summary>
/// <remarks>
/// Checks: JSON syntax (line and position) and repeated fields; StartAt naming a state; each state's Type,
/// required and unknown fields; Next/End; transitions to existing states of the same scope; reachability;
/// Choice rules; Wait, Fail, Task resources and timeouts; Retry and Catch; path syntax and reference paths;
/// ".$" fields holding paths or intrinsic functions; Parallel branches and Map item processors recursively;
/// unique state names; and QueryLanguage (only JSONPath runs on the embedded engine). Rules follow
/// https://states-language.net/spec.html and the Step Functions developer guide.
/// </remarks>
public static class DefinitionValidator
{
    /// <summary>Every problem of the definition as Step Functions would deploy it; empty when it is valid.</summary>
    public static IReadOnlyList<DefinitionProblem> Validate(string json) => Validate(json, ValidationTarget.StepFunctions);

    internal static IReadOnlyList<DefinitionProblem> Validate(string json, ValidationTarget target)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonText.TryParse(json, out var error);
        if (document is null)
        {
            return [new DefinitionProblem("$", error!)];
        }

        var checks = new FieldChecks(target);
        ReportRepeatedFields(checks, document.RootElement, "$");
        ScopeChecker.Check(checks, document.RootElement, "$", ScopeKind.Machine);
        return checks.Problems;
    }

    // JSON parsers disagree on which of two same-named fields wins, so no object anywhere may repeat one.
    private static void ReportRepeatedFields(FieldChecks checks, JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                ReportRepeatedFields(checks, item, PathText.Index(path, i++));
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                var fieldPath = PathText.Child(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    checks.Report(fieldPath, "defined more than once");
                }

                ReportRepeatedFields(checks, property.Value, fieldPath);
            }
        }
    }
}

/// <summary>Where a definition will run, which decides the few rules that differ.</summary>
internal enum ValidationTarget
{
    /// <summary>Step Functions (<c>states validate</c>): a Task's Resource must be an ARN or a ${Placeholder}; Assign, variables and Distributed Map are allowed.</summary>
    StepFunctions,

    /// <summary>The embedded engine (<see cref="StateMachine.Parse"/>): any Resource names a task; Assign, variables and Distributed Map are not supported.</summary>
    EmbeddedEngine,
}
