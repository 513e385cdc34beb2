using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics.Functions;

/// <summary>The math intrinsics (guide: "Intrinsics for Math operations").</summary>
internal static class MathFunctions
{
    public static IEnumerable<IntrinsicFunction> All { get; } =
    [
        new("States.MathRandom", 2, 3, RandomInteger),
        new("States.MathAdd", 2, 2, Add),
    ];

    // "a random number between the specified start number (inclusive) and end number (exclusive)";
    // "if you use this function with the same seed value, it will return identical numbers".
    private static JsonValue RandomInteger(FunctionArguments args)
    {
        var start = args.Integer(0);
        var end = args.Integer(1);
        if (end <= start)
        {
            throw args.Fail(string.Create(CultureInfo.InvariantCulture, $"the end ({end}) must be greater than the start ({start})"));
        }

#pragma warning disable CA5394 // Not for security: the guide says MathRandom is not cryptographically secure.
        var random = args.Count == 3 ? new Random(SeedOf(args.Integer(2))) : Random.Shared;
        return JsonValue.Create(random.NextInt64(start, end));
#pragma warning restore CA5394
    }

    private static int SeedOf(long seed) => unchecked((int)seed ^ (int)(seed >> 32));

    // "You must specify integer values in the range of -2147483648 and 2147483647."
    private static JsonValue Add(FunctionArguments args)
    {
        var sum = 0L;
        for (var i = 0; i < 2; i++)
        {
            var value = args.Integer(i);
            if (value is < int.MinValue or > int.MaxValue)
            {
                throw args.Fail(i, "an integer between -2147483648 and 2147483647");
            }

            sum += value;
        }

        return JsonValue.Create(sum);
    }
}
