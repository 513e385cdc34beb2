using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Pass: copies its input, or a fixed Result, to its output.</summary>
/// <param name="Parameters">Builds the effective input.</param>
/// <param name="HasResult">Whether a fixed Result is given (it may be JSON null).</param>
/// <param name="Result">The fixed result; only meaningful when <paramref name="HasResult"/>.</param>
/// <param name="ResultPath">Where the result goes in the raw input; null (JSON null) discards it.</param>
internal sealed record PassState(PayloadTemplate? Parameters, bool HasResult, JsonNode? Result, JsonPath? ResultPath) : StateDefinition
{
    public static PassState Read(string name, JsonObject obj) => new(
        CommonFields.Template(obj, "Parameters"),
        obj.TryGetPropertyValue(nameof(Result), out var result),
        JsonValues.Copy(result),
        CommonFields.Path(obj, "ResultPath", JsonPath.Root))
    {
        Name = name,
    };
}
