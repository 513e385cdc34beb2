using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;
using IntrinsicEvaluator = PurchasePipeline.States.Intrinsics.Intrinsics;
using IntrinsicFailureException = PurchasePipeline.States.Intrinsics.IntrinsicFailureException;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// Input and output processing, in the order of https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html:
/// InputPath → Parameters → (task) → ResultSelector → ResultPath → OutputPath.
/// </summary>
internal static class DataFlow
{
    /// <summary>InputPath: null gives <c>{}</c>; a path that selects nothing is States.Runtime.</summary>
    public static JsonNode? ApplyInputPath(JsonPath? inputPath, JsonNode? input, JsonNode context) =>
        Select(inputPath, input, context, "InputPath");

    /// <summary>OutputPath: null gives <c>{}</c>; a path that selects nothing is States.Runtime.</summary>
    public static JsonNode? ApplyOutputPath(JsonPath? outputPath, JsonNode? output, JsonNode context) =>
        Select(outputPath, output, context, "OutputPath");

    /// <summary>ResultPath: places the result in the raw input; null keeps the input as it is.</summary>
    public static JsonNode? ApplyResultPath(JsonPath? resultPath, JsonNode? rawInput, JsonNode? result)
    {
        if (resultPath is null)
        {
            return JsonValues.Copy(rawInput);
        }

        return ResultPathWriter.TryApply(rawInput, resultPath, result, out var output, out var failure)
            ? output
            : throw new StatesError(ErrorNames.ResultPathMatchFailure, failure);
    }

    /// <summary>ResultSelector, ResultPath and OutputPath, applied to a state's result.</summary>
    public static JsonNode? Finish(ExecutingState state, JsonNode? rawInput, JsonNode? result, JsonNode context)
    {
        if (state.ResultSelector is { } selector)
        {
            result = Evaluate(selector, result, context);
        }

        return ApplyOutputPath(state.OutputPath, ApplyResultPath(state.ResultPath, rawInput, result), context);
    }

    /// <summary>Builds a Parameters, ResultSelector or ItemSelector value from its template.</summary>
    public static JsonNode? Evaluate(PayloadTemplate template, JsonNode? input, JsonNode context) =>
        Evaluate(template.Root, input, context);

    /// <summary>Evaluates one template node: a literal, an object or array of them, a path or an intrinsic.</summary>
    public static JsonNode? Evaluate(TemplateNode node, JsonNode? input, JsonNode context) => node switch
    {
        TemplateLiteral literal => JsonValues.Copy(literal.Value),
        TemplateObject obj => new JsonObject(obj.Fields.Select(field =>
            new KeyValuePair<string, JsonNode?>(field.Key, Evaluate(field.Value, input, context)))),
        TemplateArray array => new JsonArray(array.Elements.Select(element => Evaluate(element, input, context)).ToArray()),
        TemplatePath path => path.Path.TrySelect(input, context, out var value)
            ? value
            : throw new StatesError(
                ErrorNames.ParameterPathFailure,
                $"The JSONPath '{path.Path}' specified for the field '{path.Field}' could not be found in the input '{JsonValues.ToJson(path.Path.IsContext ? context : input)}'"),
        TemplateIntrinsic intrinsic => EvaluateIntrinsic(intrinsic, input, context),
        _ => throw new InvalidOperationException("unknown template node " + node.GetType().Name),
    };

    private static JsonNode? EvaluateIntrinsic(TemplateIntrinsic intrinsic, JsonNode? input, JsonNode context)
    {
        try
        {
            return IntrinsicEvaluator.Evaluate(intrinsic.Expression, text => ResolveArgument(text, input, context));
        }
        catch (IntrinsicFailureException e)
        {
            throw new StatesError(ErrorNames.IntrinsicFailure, $"The field '{intrinsic.Field}': {e.Message}");
        }
    }

    /// <summary>A path argument of an intrinsic function, read from the input or the context object.</summary>
    private static JsonNode? ResolveArgument(string text, JsonNode? input, JsonNode context)
    {
        if (!JsonPath.TryParse(text, out var path, out var error))
        {
            throw new IntrinsicFailureException(error);
        }

        return path.TrySelect(input, context, out var value)
            ? value
            : throw new IntrinsicFailureException($"the path '{text}' could not be found in the input '{JsonValues.ToJson(path.IsContext ? context : input)}'");
    }

    private static JsonNode? Select(JsonPath? path, JsonNode? document, JsonNode context, string field)
    {
        if (path is null)
        {
            return new JsonObject();
        }

        return path.TrySelect(document, context, out var value)
            ? value
            : throw new StatesError(
                ErrorNames.Runtime,
                $"Invalid path '{path}' : The {field} '{path}' could not be found in the input '{JsonValues.ToJson(path.IsContext ? context : document)}'");
    }
}
