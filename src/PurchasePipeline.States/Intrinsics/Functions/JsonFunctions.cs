using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics.Functions;

/// <summary>The JSON intrinsics (guide: "Intrinsics for JSON data manipulation").</summary>
internal static class JsonFunctions
{
    // Compact and without \u escapes for non-ASCII or HTML characters, as Step Functions writes JSON text.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<IntrinsicFunction> All { get; } =
    [
        new("States.StringToJson", 1, 1, StringToJson),
        new("States.JsonToString", 1, 1, args => JsonValue.Create(args[0]?.ToJsonString(Compact) ?? "null")),
        new("States.JsonMerge", 3, 3, Merge),
    ];

    private static JsonNode? StringToJson(FunctionArguments args)
    {
        var text = args.String(0);
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw args.Fail("argument 1 is not JSON text: " + e.Message);
        }
    }

    // Shallow only: "Currently, Step Functions only supports the shallow merging mode; therefore, you
    // must specify the boolean value as false." The second object's keys replace the first's.
    private static JsonObject Merge(FunctionArguments args)
    {
        var first = args.Object(0);
        var second = args.Object(1);
        if (args.Boolean(2))
        {
            throw args.Fail("deep merge is not supported; argument 3 must be false");
        }

        var merged = (JsonObject)first.DeepClone();
        foreach (var (key, value) in second)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }
}
