using PurchasePipeline.Cli.Control;
using PurchasePipeline.Functions;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>
/// statemachine/purchase-pipeline.asl.json itself, read from the repository, with the local plane's
/// values for its placeholders (or the test's own where it overrides some).
/// </summary>
internal static class PipelineDefinition
{
    /// <summary>The one definition file.</summary>
    public static string File { get; } = RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json");

    /// <summary>LocalSettings' value for every placeholder.</summary>
    public static IReadOnlyDictionary<string, string> LocalValues => LocalSettings.Substitutions(FunctionCatalog.All.Select(f => f.Name));

    /// <summary>The definition's text with the local values, then <paramref name="overrides"/>, substituted.</summary>
    public static string Text(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var values = new Dictionary<string, string>(LocalValues, StringComparer.Ordinal);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return LocalSettings.Substitute(System.IO.File.ReadAllText(File), values);
    }

    public static States.StateMachine Parse(IReadOnlyDictionary<string, string>? overrides = null) => States.StateMachine.Parse(Text(overrides));
}
