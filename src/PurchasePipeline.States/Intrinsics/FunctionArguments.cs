using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>
/// The evaluated arguments of one call, with typed accessors whose failures name the function and the
/// argument, e.g. "States.ArrayLength: argument 1 must be an array, got string".
/// </summary>
internal sealed class FunctionArguments(IntrinsicCall call, IReadOnlyList<JsonNode?> values)
{
    public string Name => call.Name;

    public int Count => values.Count;

    /// <summary>The arguments as written (States.Format reads its template's raw text).</summary>
    public IReadOnlyList<IntrinsicArgument> Syntax => call.Arguments;

    public JsonNode? this[int index] => values[index];

    public JsonArray Array(int index) =>
        values[index] as JsonArray ?? throw Fail(index, "an array");

    public JsonObject Object(int index) =>
        values[index] as JsonObject ?? throw Fail(index, "a JSON object");

    public string String(int index) =>
        values[index] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Fail(index, "a string");

    public bool Boolean(int index) =>
        values[index] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValueKind() == JsonValueKind.True
            : throw Fail(index, "a boolean");

    public double Number(int index) =>
        JsonNumbers.TryGetDouble(values[index], out var number) ? number : throw Fail(index, "a number");

    /// <summary>
    /// A number rounded to the nearest integer, halves up, as Java's Math.round does: the guide says a
    /// non-integer "will be rounded off to the nearest integer" and Step Functions runs on the JVM.
    /// </summary>
    public long Integer(int index)
    {
        var rounded = Math.Floor(Number(index) + 0.5);
        return rounded is >= long.MinValue and <= long.MaxValue ? (long)rounded : throw Fail(index, "an integer in range");
    }

    public IntrinsicFailureException Fail(string problem) => new(Name + ": " + problem);

    public IntrinsicFailureException Fail(int index, string expected) =>
        Fail(string.Create(CultureInfo.InvariantCulture, $"argument {index + 1} must be {expected}, got {JsonNumbers.Describe(values[index])}"));
}
