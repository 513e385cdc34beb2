using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Execution;

/// <summary>The 256 KiB (UTF-8) limit on state inputs, outputs and task results (States.DataLimitExceeded).</summary>
internal static class PayloadLimit
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>Throws States.DataLimitExceeded when <paramref name="payload"/> is over the limit.</summary>
    public static void Check(JsonNode? payload, string what)
    {
        var size = JsonValues.Utf8Size(payload);
        if (size > MaxBytes)
        {
            throw new StatesError(ErrorNames.DataLimitExceeded, $"{what} has {size} bytes, more than the {MaxBytes} bytes allowed");
        }
    }
}
