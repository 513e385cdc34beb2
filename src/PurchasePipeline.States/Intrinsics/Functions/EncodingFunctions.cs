using System.Text;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics.Functions;

/// <summary>Base64 of UTF-8 text (guide: "Intrinsics for data encoding and decoding").</summary>
internal static class EncodingFunctions
{
    /// <summary>Both functions take "a data string of up to 10,000 characters".</summary>
    public const int MaxInputLength = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<IntrinsicFunction> All { get; } =
    [
        new("States.Base64Encode", 1, 1, Encode),
        new("States.Base64Decode", 1, 1, Decode),
    ];

    /// <summary>The string argument, failing past the 10,000-character limit.</summary>
    public static string LimitedString(FunctionArguments args, int index)
    {
        var text = args.String(index);
        return text.Length <= MaxInputLength
            ? text
            : throw args.Fail($"argument {index + 1} has {text.Length} characters, more than the {MaxInputLength} allowed");
    }

    private static JsonValue Encode(FunctionArguments args) =>
        JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(LimitedString(args, 0))));

    private static JsonValue Decode(FunctionArguments args)
    {
        var base64 = LimitedString(args, 0);
        try
        {
            return JsonValue.Create(StrictUtf8.GetString(Convert.FromBase64String(base64)));
        }
        catch (FormatException)
        {
            throw args.Fail("argument 1 is not valid Base64");
        }
        catch (DecoderFallbackException)
        {
            throw args.Fail("argument 1 does not decode to UTF-8 text");
        }
    }
}
