using System.Globalization;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// When Lambda stops creating functions on each managed runtime ("Block function create"), as AWS's Lambda
/// guide listed them when read on <see cref="AsOf"/>: the tables of supported runtimes on
/// https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html, lambda-python.html and lambda-csharp.html
/// (the same dates as the "Supported runtimes" table of lambda-runtimes.html).
/// </summary>
/// <remarks>
/// Only runtimes still in those tables are here: one that has left them (nodejs18.x, python3.9, …) is
/// deprecated, and one missing for any other reason is unknown; either way a template using it is refused,
/// so a new runtime gets here only with its date. The check is against <see cref="AsOf"/>, never the clock,
/// so the tests give the same answer every day; refresh the table (and <see cref="AsOf"/>) when Amazon.CDK.Lib
/// is upgraded or a runtime is added.
/// </remarks>
internal static class LambdaRuntimeSchedule
{
    /// <summary>The day the tables were read.</summary>
    public static readonly DateOnly AsOf = Date("2026-12-04");

    public static readonly IReadOnlyDictionary<string, DateOnly> BlockFunctionCreate = new Dictionary<string, DateOnly>(StringComparer.Ordinal)
    {
        ["nodejs24.x"] = Date("2028-06-01"),
        ["nodejs22.x"] = Date("2027-06-01"),
        ["nodejs20.x"] = Date("2026-08-31"),
        ["python3.14"] = Date("2029-07-31"),
        ["python3.13"] = Date("2029-07-31"),
        ["python3.12"] = Date("2028-11-30"),
        ["python3.11"] = Date("2027-07-31"),
        ["python3.10"] = Date("2026-11-30"),
        ["dotnet10"] = Date("2028-12-14"),
        ["dotnet8"] = Date("2027-02-01"),

        // The OS-only runtime of the Native AOT task functions. Its row of the OS-only table (runtimes-provided.html) could not
        // be read here; this is the end of Amazon Linux 2023's support (June 30, 2029: docs.aws.amazon.com/linux/al2023/ug/
        // release-cadence.html), which no Lambda date for the runtime precedes. Replace it with the table's date when read.
        ["provided.al2023"] = Date("2029-06-30"),
    };

    /// <summary>Null when a function can be created on the runtime on <see cref="AsOf"/>; otherwise why not.</summary>
    public static string? WhyNotCreatable(string runtime) =>
        !BlockFunctionCreate.TryGetValue(runtime, out var blocked)
            ? $"{runtime} is not in the table of supported runtimes read on {AsOf:yyyy-MM-dd} (deprecated, or unknown: add it with its date)"
            : blocked <= AsOf
                ? $"Lambda blocks creating {runtime} functions since {blocked:yyyy-MM-dd}"
                : null;

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
