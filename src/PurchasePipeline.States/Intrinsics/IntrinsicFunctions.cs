using System.Diagnostics.CodeAnalysis;
using PurchasePipeline.States.Intrinsics.Functions;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>Every intrinsic function of the Amazon States Language, by name.</summary>
internal static class IntrinsicFunctions
{
    private static readonly Dictionary<string, IntrinsicFunction> ByName =
        ArrayFunctions.All
            .Concat(EncodingFunctions.All)
            .Concat(JsonFunctions.All)
            .Concat(MathFunctions.All)
            .Concat(StringFunctions.All)
            .Append(HashFunction.Function)
            .Append(FormatFunction.Function)
            .ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out IntrinsicFunction? function) =>
        ByName.TryGetValue(name, out function);
}
