namespace PurchasePipeline.States.Validation;

/// <summary>
/// Static checks of an Amazon States Language definition (JSONPath), reporting every problem found with
/// its JSON path, e.g. "$.States.Wait.Seconds: must be a non-negative integer".
/// </summary>
/// <remarks>
/// Checks: JSON syntax (line and position); StartAt naming a state; each state's Type, required and unknown
/// fields; Next/End; transitions to existing states of the same scope; reachability; Choice rules; Wait,
/// Fail, Task resources and timeouts; Retry and Catch; path syntax and reference paths; ".$" fields holding paths or
/// intrinsic functions; Parallel branches and Map item processors recursively; unique state names; and
/// QueryLanguage (only JSONPath runs on the embedded engine). Rules follow https://states-language.net/spec.html
/// and the Step Functions developer guide.
/// </remarks>
public static class DefinitionValidator
{
    /// <summary>Every problem of the definition; empty when it is valid.</summary>
    public static IReadOnlyList<DefinitionProblem> Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonText.TryParse(json, out var error);
        if (document is null)
        {
            return [new DefinitionProblem("$", error!)];
        }

        var context = new ValidationContext();
        ScopeChecker.Check(new FieldChecks(context), document.RootElement, "$", ScopeKind.Machine);
        return context.Problems;
    }
}
