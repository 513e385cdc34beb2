using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>One intrinsic function: its name, how many arguments it takes, and what it computes.</summary>
internal sealed record IntrinsicFunction(string Name, int MinArguments, int MaxArguments, Func<FunctionArguments, JsonNode?> Body)
{
    /// <summary>Fails when a call passes a number of arguments the function does not take.</summary>
    public void CheckCount(int count)
    {
        if (count >= MinArguments && count <= MaxArguments)
        {
            return;
        }

        var expected = (MinArguments, MaxArguments) switch
        {
            (var min, var max) when min == max => Plural(min),
            (var min, int.MaxValue) => "at least " + Plural(min),
            (var min, var max) => string.Create(CultureInfo.InvariantCulture, $"{min} to {max} arguments"),
        };
        throw new IntrinsicFailureException(string.Create(CultureInfo.InvariantCulture, $"{Name} takes {expected}, got {count}"));
    }

    private static string Plural(int n) => n == 1 ? "1 argument" : n.ToString(CultureInfo.InvariantCulture) + " arguments";
}
