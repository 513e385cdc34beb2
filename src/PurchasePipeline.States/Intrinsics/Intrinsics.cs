using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>
/// Evaluates intrinsic function expressions, the values of "key.$" fields that start with States.
/// (e.g. <c>States.Format('Hello, {}', $.name)</c>).
/// </summary>
/// <remarks>Behaviour follows https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html.</remarks>
internal static class Intrinsics
{
    /// <summary>Parses and evaluates one intrinsic call.</summary>
    /// <param name="expression">The call, e.g. <c>States.Array($.Id)</c>.</param>
    /// <param name="resolvePath">Resolves a path argument ($.x, $$.Execution.Id, $) to its value; throws for a bad path.
    /// Its results are copied, never attached to the returned value.</param>
    /// <exception cref="IntrinsicFailureException">Bad syntax, unknown function, or bad argument count, type or value.</exception>
    public static JsonNode? Evaluate(string expression, Func<string, JsonNode?> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(resolvePath);
        return Evaluate(Parse(expression), resolvePath);
    }

    /// <summary>Parses a call without evaluating it (static checks of definitions).</summary>
    /// <exception cref="IntrinsicFailureException">Bad syntax, unknown function or bad argument count.</exception>
    public static IntrinsicCall Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return IntrinsicParser.Parse(expression);
    }

    private static JsonNode? Evaluate(IntrinsicCall call, Func<string, JsonNode?> resolvePath)
    {
        var values = new List<JsonNode?>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            values.Add(argument switch
            {
                LiteralArgument literal => literal.Value?.DeepClone(),
                PathArgument path => resolvePath(path.Path)?.DeepClone(),
                CallArgument nested => Evaluate(nested.Call, resolvePath),
                _ => throw new InvalidOperationException("unknown argument kind " + argument.GetType().Name),
            });
        }

        IntrinsicFunctions.TryGet(call.Name, out var function);
        return function!.Body(new FunctionArguments(call, values));
    }
}
