using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics.Functions;

/// <summary>States.StringSplit and States.UUID (guide: "Intrinsic for String operation", "... unique identifier generation").</summary>
internal static class StringFunctions
{
    public static IEnumerable<IntrinsicFunction> All { get; } =
    [
        new("States.StringSplit", 2, 2, Split),
        new("States.UUID", 0, 0, _ => JsonValue.Create(Guid.NewGuid().ToString("D"))),
    ];

    // Each character of the splitter is a delimiter ("This.is+a,test=string" split on ".+,=" gives five
    // words), and empty pieces are dropped, as AWS does for ",,,," (LocalStack's snapshot tests, validated on AWS).
    private static JsonArray Split(FunctionArguments args)
    {
        var text = args.String(0);
        var delimiters = args.String(1);
        var parts = delimiters.Length == 0
            ? (text.Length == 0 ? [] : [text])
            : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        var array = new JsonArray();
        foreach (var part in parts)
        {
            array.Add((JsonNode)JsonValue.Create(part));
        }

        return array;
    }
}
