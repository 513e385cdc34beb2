using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics.Functions;

/// <summary>
/// States.Format(template, values...): each <c>{}</c> in the template takes the next value. In a quoted
/// template <c>\{</c> and <c>\}</c> are literal braces, never a placeholder.
/// </summary>
internal static class FormatFunction
{
    public static IntrinsicFunction Function { get; } = new("States.Format", 1, int.MaxValue, Format);

    private static JsonValue Format(FunctionArguments args)
    {
        var segments = args.Syntax[0] is LiteralArgument { RawText: { } raw } ? SegmentsOfRaw(raw) : SegmentsOf(args.String(0));
        var placeholders = segments.Count(s => s is null);
        if (placeholders != args.Count - 1)
        {
            throw args.Fail(string.Create(CultureInfo.InvariantCulture, $"the template has {placeholders} {{}} placeholders but {args.Count - 1} values follow it"));
        }

        var result = new StringBuilder();
        var next = 1;
        foreach (var segment in segments)
        {
            result.Append(segment ?? TextOf(args, next++));
        }

        return JsonValue.Create(result.ToString());
    }

    // Literal text segments, with null for each placeholder.
    private static List<string?> SegmentsOfRaw(string raw)
    {
        var segments = new List<string?>();
        var text = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                text.Append(raw[++i]); // the parser accepted only \' \{ \} \\
            }
            else if (raw[i] == '{' && i + 1 < raw.Length && raw[i + 1] == '}')
            {
                segments.Add(text.ToString());
                segments.Add(null);
                text.Clear();
                i++;
            }
            else
            {
                text.Append(raw[i]);
            }
        }

        segments.Add(text.ToString());
        return segments;
    }

    private static List<string?> SegmentsOf(string template)
    {
        var segments = new List<string?>();
        var parts = template.Split("{}");
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                segments.Add(null);
            }

            segments.Add(parts[i]);
        }

        return segments;
    }

    private static string TextOf(FunctionArguments args, int index) => args[index] switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => throw args.Fail(index, "a string, number, boolean or null"),
    };
}
